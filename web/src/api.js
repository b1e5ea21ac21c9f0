// GraphQL over fetch, against the server the page came from.
const endpoint = new URL('query', document.baseURI).toString();

// query runs a GraphQL operation and returns its data, or throws an Error
// carrying the server's messages.
export async function query(text, variables = {}) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error(`the server answered ${res.status} without JSON`);
  }
  if (body.errors && body.errors.length) {
    throw new Error(body.errors.map((e) => e.message).join('; '));
  }
  return body.data;
}

// exportURL is the address of the selection in a format.
export function exportURL(format, params) {
  const u = new URL(`export/${format}`, document.baseURI);
  u.search = params.toString();
  return u.toString();
}
