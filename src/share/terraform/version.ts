/** The AWS provider version the mapping and `providerSchema.json` are written against. */
export const PROVIDER_VERSION = '6.25.0';
