/** `import text from "../../samples/x.csv"`: webpack.playground.js inlines .csv files as strings (asset/source). */
declare module "*.csv" {
  const text: string;
  export default text;
}
