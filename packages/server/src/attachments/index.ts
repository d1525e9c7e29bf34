export { diskStore, MissingObjectError, type AttachmentOptions, type AttachmentStore, type StoredObjectInfo } from './store.js';
export { s3Store, type S3StoreOptions } from './s3Store.js';
export { attachmentsFromEnv, describeAttachmentStore } from './settings.js';
