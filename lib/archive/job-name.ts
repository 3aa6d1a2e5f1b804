export const ARCHIVE_JOB = 'archiveEvents';
