declare module 'virtual:dunwatch-rules' {
  const bundle: import('../engine/types').RulesBundle;
  export default bundle;
}

declare module 'virtual:dunwatch-jurisdictions' {
  const jurisdictions: import('../engine/types').RulesBundle['jurisdictions'];
  export default jurisdictions;
}

declare module 'virtual:dunwatch-prepared-patterns' {
  const table: import('../engine/match/prepared-patterns').PreparedTable;
  export default table;
}
