/**
 * Photos the sides of a conversation sent, cleaned of their metadata first (photos/images.ts):
 * stored in the shop's database beside the transcript that shows them, and deleted with it.
 * Any hub of the shop takes an upload and serves a photo: the database is what they share.
 */
import { randomBytes } from 'node:crypto';
import type { CleanPhoto, PhotoType } from './images.js';
import type { SqlDatabase } from '../storage/sql.js';

/** Most photos one conversation holds: a shopper showing a problem needs a few, not hundreds. */
export const MAX_PHOTOS_PER_CONVERSATION = 30;

export interface StoredPhoto {
  id: string;
  conversationId: string;
  author: 'shopper' | 'expert';
  type: PhotoType;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** What a transcript line says of a photo; its bytes are read apart, by id. */
export type PhotoInfo = Omit<StoredPhoto, 'bytes' | 'conversationId' | 'author'>;

export class TooManyPhotosError extends Error {
  override readonly name = 'TooManyPhotosError';
  constructor() {
    super(`A conversation holds at most ${MAX_PHOTOS_PER_CONVERSATION} photos.`);
  }
}

export class PhotoStore {
  /** The store on a database whose migrations have run (ConversationStore.open runs them). */
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Stores a photo of a conversation, under a new random id (128 bits: whoever does not have
   * the id cannot guess it); refused when the conversation is gone or holds its most photos.
   */
  async save(
    conversationId: string,
    author: StoredPhoto['author'],
    photo: CleanPhoto,
  ): Promise<PhotoInfo> {
    const id = randomBytes(16).toString('base64url');
    const rows = await this.db.query<{ id: string }>(
      `insert into photos (id, conversation_id, author, media_type, width, height, data)
       select $1, $2, $3, $4, $5, $6, $7
       where exists (select from conversations where id = $2)
         and (select count(*) from photos where conversation_id = $2) < $8
       returning id`,
      [
        id,
        conversationId,
        author,
        photo.type,
        photo.width,
        photo.height,
        photo.bytes,
        MAX_PHOTOS_PER_CONVERSATION,
      ],
    );
    // The conversation exists: the ticket that let the photo in was given for it.
    if (rows.length === 0) throw new TooManyPhotosError();
    return { id, type: photo.type, width: photo.width, height: photo.height };
  }

  /** Whose photo `id` is, and its size, without its bytes. */
  async info(id: string): Promise<Omit<StoredPhoto, 'bytes'> | undefined> {
    const [row] = await this.db.query<PhotoRow>(
      `select id, conversation_id, author, media_type, width, height from photos where id = $1`,
      [id],
    );
    return row && toPhoto(row);
  }

  async get(id: string): Promise<StoredPhoto | undefined> {
    const [row] = await this.db.query<PhotoRow & { data: Uint8Array }>(
      `select id, conversation_id, author, media_type, width, height, data
       from photos where id = $1`,
      [id],
    );
    return row && { ...toPhoto(row), bytes: row.data };
  }
}

interface PhotoRow {
  id: string;
  conversation_id: string;
  author: StoredPhoto['author'];
  media_type: PhotoType;
  width: number;
  height: number;
}

const toPhoto = (row: PhotoRow): Omit<StoredPhoto, 'bytes'> => ({
  id: row.id,
  conversationId: row.conversation_id,
  author: row.author,
  type: row.media_type,
  width: row.width,
  height: row.height,
});
