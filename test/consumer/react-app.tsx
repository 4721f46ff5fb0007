// A shop's tiny React 19 app, as its developer would write it against the published package:
// the @lit/react wrapper, and the element itself in JSX. Built by test/e2e/frameworks.test.ts.
import { createRoot } from 'react-dom/client';
import { ExpertCall, type ExpertCallErrorDetail } from 'expert-call/react';

const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
const record = (who: string) => (event: CustomEvent<ExpertCallErrorDetail>) =>
  seen.push(`${who}:${event.detail.reason}`);

function App() {
  return (
    <main>
      <ExpertCall
        id="wrapper"
        placement="inline"
        label="Ask Léa"
        context={{ product: { name: 'Lumen E-City 500' } }}
        onEcError={record('wrapper')}
        onEcState={(event) => seen.push(`state:${event.detail.state.kind}`)}
        onEcAddToCart={(event) => seen.push(`cart:${event.detail.product.name}`)}
      />
      <expert-call
        id="jsx"
        placement="inline"
        when-unavailable="show"
        context={{ product: { name: 'Lampe Orbe' } }}
        onec-error={record('jsx')}
        onec-reserve={(event) => seen.push(`reserve:${event.detail.product.id}`)}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
