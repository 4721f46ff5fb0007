/**
 * What one client may ask of the hub, and how fast: the settings (HUB_LIMITS goes over these
 * defaults); transport/limits.ts enforces them.
 */

/** The hub's limits; every rate is a burst taken at once, then so many a second. */
export interface Limits {
  /** Frames a socket may send (every kind). */
  frames: Rate;
  /** Refused frames after which a socket is closed (1008): a client that does not slow down. */
  framesRefusedBeforeClose: number;
  /** New sockets from one address. */
  connects: Rate;
  /** HTTP requests (availability, health) from one address. */
  http: Rate;
  /** Offline requests left (a message, a callback, a booking) from one address. */
  offlineRequests: Rate;
}

export interface Rate {
  burst: number;
  perSecond: number;
}

export const DEFAULT_LIMITS: Limits = {
  // A person types far slower; typing indicators and slot lookups stay well within.
  frames: { burst: 40, perSecond: 10 },
  framesRefusedBeforeClose: 200,
  // A store's Wi-Fi puts many shoppers behind one address: generous, but bounded.
  connects: { burst: 30, perSecond: 0.5 },
  http: { burst: 60, perSecond: 5 },
  // Five at once, then six an hour.
  offlineRequests: { burst: 5, perSecond: 6 / 3600 },
};
