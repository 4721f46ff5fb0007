/** `npm run hub`: a hub configured by its environment (see README, "Running the hub"). */
import { ConfigError, hubConfigFromEnv } from './config.js';
import { startHub } from './create-hub.js';

try {
  const hub = await startHub(hubConfigFromEnv(), (event, fields) =>
    console.log(JSON.stringify({ time: new Date().toISOString(), event, ...fields })),
  );
  console.log(`Expert Call hub listening on ${hub.url}`);
  const stop = () => void hub.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Cannot start the hub: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
