CREATE TABLE `dev_clock` (
	`id` integer PRIMARY KEY NOT NULL,
	`set_to` integer NOT NULL,
	`set_at` integer NOT NULL
);
