// GreenCloud's bundles and the quota thresholds the docs define against a bundle's size.

export const bundleNames = ['STARTER', 'DEVELOPER', 'ENTERPRISE'] as const;
export type BundleName = (typeof bundleNames)[number];

/** Invocations one bundle (and one refill of it) holds. */
export const bundleSizes: Readonly<Record<BundleName, number>> = {
  STARTER: 1_000,
  DEVELOPER: 100_000,
  ENTERPRISE: 1_000_000,
};

/** Prices published in the docs; the others are not stated, so the app says "price on request". */
export const knownBundlePrices: Readonly<Partial<Record<BundleName, number>>> = { DEVELOPER: 9.99 };

export function isBundleName(value: string): value is BundleName {
  return (bundleNames as readonly string[]).includes(value);
}

/** The size of a bundle by the name the server reports, or undefined for a name we do not know. */
export function bundleSizeOf(name: string | undefined): number | undefined {
  return name !== undefined && isBundleName(name) ? bundleSizes[name] : undefined;
}

/** Change Bundle takes the name in lower case in its path. */
export function bundlePathWord(name: BundleName): string {
  return name.toLowerCase();
}

/** Fractions of the bundle size: GreenCloud notifies below 10% and auto-renews below 1%. */
export const quotaThresholds = { low: 0.1, critical: 0.01 } as const;
