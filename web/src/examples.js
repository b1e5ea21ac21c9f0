// Example queries the playground opens with, one tab each. Every one runs
// on the seed corpus; web/test/browser.mjs runs the first.
export const examples = [
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
query CompareCouncils {
  compare(councils: ["kent-county-council", "hertfordshire-county-council"], year: "2023-24") {
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
query Neighbourhood {
  subgraph(seeds: ["Council:kent-county-council"], depth: 1) {
    nodes { id kind label }
    edges { type source target }
    truncated
  }
}
`,
  },
];
