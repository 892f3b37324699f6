export * from './config.ts';
export * from './defaults.ts';
export * from './presets.ts';
export * from './validate.ts';
export * from './derive.ts';
export * from './pep.ts';
export * from './licenses.ts';
export { CONFIG_SPEC, configJsonSchema } from './schema.ts';
