#!/usr/bin/env node
/**
 * `npx expert-call-hub` (`npm run hub` here): a hub configured by its environment (see README,
 * "Running the hub").
 */
import { CatalogueError, ConfigError, loadHubConfig, ShopConfigError, startHub } from './index.js';

try {
  const config = await loadHubConfig();
  const hub = await startHub(config, (event, fields) =>
    console.log(JSON.stringify({ time: new Date().toISOString(), event, ...fields })),
  );
  console.log(`Expert Call hub listening on ${hub.url}`);
  console.log(
    config.shopConfigPath
      ? `Shop "${config.shop.shopId}" from ${config.shopConfigPath}.`
      : 'No SHOP_CONFIG: open around the clock, no topics, any page origin (development only).',
  );
  if (config.devLogin) {
    console.warn(
      'WARNING: dev login is ON (HUB_DEV_LOGIN): anyone who reaches this hub can sign in as an ' +
        'expert by typing a name. For development only.',
    );
  }
  const stop = () => void hub.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof ShopConfigError ||
    error instanceof CatalogueError
  ) {
    console.error(`Cannot start the hub: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
