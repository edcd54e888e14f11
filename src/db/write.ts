/** One statement for a D1 batch: effects are built as writes and committed together, all or nothing. */
import type { BatchItem } from "drizzle-orm/batch";

export type Write = BatchItem<"sqlite">;
