// The GraphiQL playground served at /, bundled with everything it needs so
// that it works without the internet.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import { examples } from './examples.js';

const fetcher = createGraphiQLFetcher({ url: new URL('query', document.baseURI).toString() });

function Playground() {
  return (
    <GraphiQL fetcher={fetcher} defaultTabs={examples} defaultEditorToolsVisibility={true}>
      <GraphiQL.Logo>
        ombudsgraph <a className="og-link" href="explore">explorer</a>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById('playground')).render(<Playground />);
