/**
 * What the two serverless targets (aws-lambda, cloud-run) share: both are
 * `target: serverless` in the Config, told apart by `serverless.provider`
 * (the registry, targets/meta.ts, does that); their region and defaults are
 * model facts (serverlessRegion, DEFAULT_REGION in model/derive.ts).
 */
import { GENERATED_BY } from '../header.ts';

/** Header line of the serverless YAML and TOML files. */
export const HEADER = [GENERATED_BY];

/** A YAML/JSON object as data. */
export type Obj = Record<string, unknown>;
