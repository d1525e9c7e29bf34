/** react-admin imports jsonexport's browser build by this path; its types are the package's. */
declare module 'jsonexport/dist/index.js' {
  import jsonexport from 'jsonexport';
  export default jsonexport;
}
