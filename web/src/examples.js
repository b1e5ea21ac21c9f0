// Example queries the playground opens with, one tab each. The councils and
// year they use are picked from the graph being served (see pick), so that
// every tab runs on any corpus; web/test/browser.mjs runs them.
export const examples = ({ councils, year }) => [
  {
    query: `# Trace SEND (special educational needs and disabilities) across
# councils and years: how many cases and improvements carry the theme,
# where, and since when. Press the run button (or Ctrl-Enter).
query TraceSEND {
  theme(slug: "send") {
    name
    caseCount
    improvementCount
    councils {
      council { name }
      caseCount
      improvementCount
      firstSeen { label }
      lastSeen { label }
    }
    timeline { year { label } caseCount improvementCount }
  }
}
`,
  },
  {
    query: `# Compare councils' statistics for one business year, with the
# similar-authority averages and each council's difference from them.
query CompareCouncils($councils: [String!]!, $year: String) {
  compare(councils: $councils, year: $year) {
    year { label }
    rows {
      council { name authorityType { name } }
      statistics {
        upheldPercent
        compliancePercent
        similarAuthorities { upheldPercent compliancePercent }
      }
      differenceFromSimilar { upheldPercent compliancePercent }
    }
  }
}
`,
    variables: JSON.stringify({ councils, year }, null, 2),
  },
  {
    query: `# Full-text search over improvements, reports, letters, articles and
# claims. Words match their stems; "quoted phrases" match as phrases.
query Search($text: String!) {
  search(text: $text, first: 10) {
    totalCount
    edges { score kind snippet node { id } }
  }
}
`,
    variables: `{ "text": "remind staff \\"complaints\\"" }`,
  },
  {
    query: `# A council's neighbourhood, for drawing: the same selection downloads
# from /export/graphml (or gexf, cytoscape, d3, csv) and opens in /explore.
query Neighbourhood($seed: ID!) {
  subgraph(seeds: [$seed], depth: 1) {
    nodes { id kind label }
    edges { type source target }
    truncated
  }
}
`,
    variables: JSON.stringify({ seed: `Council:${councils[0]}` }, null, 2),
  },
];

// pickQuery asks for what the examples need: councils with statistics.
export const pickQuery = `{ councils(first: 100) { edges { node { slug statistics { year { label } } } } } }`;

// pick chooses, from pickQuery's answer, two councils with statistics (or
// any two) and the latest year either has statistics for.
export function pick(data) {
  const nodes = (data?.councils?.edges || []).map((e) => e.node);
  const withStats = nodes.filter((n) => n.statistics.length > 0);
  const chosen = (withStats.length >= 2 ? withStats : nodes).slice(0, 2);
  const years = chosen.flatMap((n) => n.statistics.map((s) => s.year.label)).sort();
  return { councils: chosen.map((n) => n.slug), year: years.length ? years[years.length - 1] : null };
}
