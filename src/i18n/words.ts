/** Word sets both elements show (the panel and the console), each in its own catalogue. */

/** Sharing one's screen in a call. */
export interface ScreenWords {
  share: string;
  stop: string;
  sharing: string;
  failed: string;
}
