export const EVENT_ID_HEADER = 'edugraph-event-id';
export const EVENT_TYPE_HEADER = 'edugraph-event-type';
export const CORRELATION_HEADER = 'edugraph-correlation-id';
export const DEAD_LETTER_REASON_HEADER = 'edugraph-dead-letter-reason';
export const DEAD_LETTER_SOURCE_HEADER = 'edugraph-dead-letter-source';
