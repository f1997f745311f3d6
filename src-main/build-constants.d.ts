// Values electron-vite writes into the main bundle at build time (electron.vite.config.ts).

/** GreenCloud's own Stripe publishable key, or '' when the build was given none. */
declare const __GREENCLOUD_STRIPE_PUBLISHABLE_KEY__: string;
