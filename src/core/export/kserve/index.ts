export { inferenceServiceYaml, serviceName, type KserveSettings, type ResourceAmounts } from './inference-service.ts';
export { kserveFiles, kserveZip } from './kserve-bundle.ts';
export { kserveReadme } from './kserve-readme.ts';
export { kserveSettingsFor, suggestedResources } from './kserve-settings.ts';
