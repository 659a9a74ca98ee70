// The semantic layer: measures and dimensions defined once, the SQL dialect interface, and the
// metric SQL template generated from them (see measures.ts for the definitions).
export * from './dialect.ts';
export * from './measures.ts';
export * from './dimensions.ts';
export * from './sql.ts';
