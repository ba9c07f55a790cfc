/** Download retry and timeout settings, shared by the install phase and dry-run. */
export const DOWNLOAD_ATTEMPTS = 4;
export const DOWNLOAD_BASE_DELAY_MS = 2_000;
export const DOWNLOAD_TIMEOUT_MS = 120_000;
