/** The upload service as the rest of the app sees it. */
export { runUpload, MAX_BYTES, MAX_RECORDS } from './run';
export type { RunUploadOptions, UploadProgress, UploadResult, UploadSummary, UploadTrigger } from './run';
export { releaseRejections, testConnection, uploadStatus } from './status';
export type { UploadRejection, UploadRunRow, UploadStatus } from './status';
export type { Reconciliation } from './reconcile';
export { checkServerUrl } from './transport';
