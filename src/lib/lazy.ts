/**
 * A value built on first use, then kept. For what is costly to build at module load
 * (zod schemas, route tables): Cloudflare limits a Worker's startup CPU, and work done
 * at import runs on every cold start, whether the request needs it or not.
 */
export function lazy<T>(build: () => T): () => T {
	let built: { value: T } | undefined;
	return () => {
		built ??= { value: build() };
		return built.value;
	};
}
