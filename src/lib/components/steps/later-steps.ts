/**
 * The steps after the first, in one lazy chunk (issue 18.16): the Wizard
 * loads this module when a later step is first opened, and the service worker
 * precaches it once, instead of a dozen small chunks and stylesheets, each its
 * own request with its own headers (the first visit moved 12 requests and about
 * 9 KB fewer). The Project step stays in the first load.
 */
export { default as DependenciesStep } from './DependenciesStep.svelte';
export { default as PackagingStep } from './PackagingStep.svelte';
export { default as DeploymentStep } from './DeploymentStep.svelte';
export { default as ServicesStep } from './ServicesStep.svelte';
export { default as ReviewStep } from './ReviewStep.svelte';
