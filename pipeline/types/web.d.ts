// What the web page's build (scripts/bundle-app.js) loads that has no types of its own: the
// files it carries inside (fonts as bytes, templates as text) and pdfmake's CommonJS modules.
declare module "*.ttf" {
  const bytes: Uint8Array;
  export default bytes;
}
declare module "*.hbs" {
  const text: string;
  export default text;
}
declare module "*.yaml" {
  const text: string;
  export default text;
}
declare module "*.css" {
  const text: string;
  export default text;
}
declare module "pdfmake/js/*" {
  const exports: Record<string, unknown>;
  export = exports;
}
declare module "*.txt" {
  const text: string;
  export default text;
}
