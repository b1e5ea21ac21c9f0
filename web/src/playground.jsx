// The GraphiQL playground served at /, bundled with everything it needs so
// that it works without the internet.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import { examples, pick, pickQuery } from './examples.js';

const url = new URL('query', document.baseURI).toString();
const fetcher = createGraphiQLFetcher({ url });

function Playground({ tabs }) {
  return (
    <GraphiQL fetcher={fetcher} defaultTabs={tabs} defaultEditorToolsVisibility={true}>
      <GraphiQL.Logo>
        ombudsgraph <a className="og-link" href="explore">explorer</a>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

// The examples name councils of the graph being served, asked for first; a
// failed request still opens the playground, with examples naming none.
async function start() {
  let picked = { councils: [], year: null };
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: pickQuery }) });
    picked = pick((await res.json()).data);
  } catch (err) {
    console.warn('could not pick example councils', err);
  }
  createRoot(document.getElementById('playground')).render(<Playground tabs={examples(picked)} />);
}

start();
