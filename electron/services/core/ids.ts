import { v7 as uuidv7 } from 'uuid';

/** Every domain row's id: UUID v7 sorts by creation time, which keeps indexes and uploads in order. */
export const newId = (): string => uuidv7();
