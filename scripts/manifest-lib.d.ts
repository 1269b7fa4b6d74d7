// Types for scripts/manifest-lib.js (plain CommonJS so webpack.config.js and node scripts can use it).
export declare const DEV_URL: string;
export declare const DEV_ORIGIN: string;
export declare const PLACEHOLDER_PUBLIC_URL: string;
export declare function productionUrl(env?: Record<string, string | undefined>): string;
export declare function rewriteManifestUrls(xml: string, publicUrl: string): string;
export declare function checkManifest(xml: string, options?: { assetsDir?: string }): string[];
export declare function manifestOrigins(xml: string): string[];
export declare function placeholderOrigins(xml: string): string[];
export declare function pngSize(file: string): { width: number; height: number } | undefined;
