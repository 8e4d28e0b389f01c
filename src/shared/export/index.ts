// Exports shared by the app's list downloads, the server's export API and the command line.
export * from './csv.ts';
export * from './geojson.ts';
