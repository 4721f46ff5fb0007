/** `npm run demo`: the stack on fixed ports, with the two URLs to open. Ctrl-C stops it all. */
import { startStack } from './stack.js';

try {
  const stack = await startStack({ ports: 'fixed' });
  console.log(`
Expert Call demo is running (LiveKit at ${stack.livekit.url}, hub at ${stack.hub.url}).

  Shop (the shopper):          ${stack.shopUrl}
  Back office (the expert):    ${stack.consoleUrl}

Open the back office, sign in with any name and go available; then open the shop and tap
"Parler à un expert". Ctrl-C stops everything.
`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    void stack.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? `Cannot start the demo: ${error.message}` : error);
  process.exit(1);
}
