/** Shop configurations for tests. */
import { parseShopConfig, type ShopConfig } from '../../src/server/config/shop-config.js';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * A shop closed all day today (UTC) and open 09:00–18:00 every other day, so it is closed
 * whenever the test runs and has free slots tomorrow. `fields` add to or replace the rest.
 */
export function closedToday(fields: Record<string, unknown> = {}): ShopConfig {
  const today = DAYS[new Date().getUTCDay()];
  const weekly = Object.fromEntries(
    DAYS.filter((d) => d !== today).map((d) => [d, [{ from: '09:00', to: '18:00' }]]),
  );
  return parseShopConfig({
    shopId: 'closed-today',
    allowedOrigins: ['https://shop.example'],
    timeZone: 'UTC',
    callingCode: '+33',
    hours: { weekly },
    ...fields,
  });
}
