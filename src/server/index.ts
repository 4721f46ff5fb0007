/**
 * The hub as a library (the `expert-call-hub` package): start one from code, configured as the
 * `expert-call-hub` command is (README, "Running the hub").
 */
export { startHub, type HubConfig, type RunningHub } from './create-hub.js';
export { ConfigError, loadHubConfig } from './config/config.js';
export { ShopConfigError } from './config/shop-config.js';
export { CatalogueError } from './commerce/catalogue.js';
