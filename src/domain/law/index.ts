/** Law data and pure rules: versioned target groups, the refusionstrappe, LAB § 61. Sources in sources.ts. */
export * from './sources';
export * from './taxonomyVersions';
export * from './refund';
export * from './placement';
