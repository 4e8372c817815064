declare module 'virtual:dunwatch-rules' {
  const bundle: import('../engine/types').RulesBundle;
  export default bundle;
}
