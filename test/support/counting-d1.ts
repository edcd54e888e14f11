/**
 * A D1 binding that counts the statements run through it: each run/all/first/raw
 * is one, and a batch is as many as it holds. For the tick's statement budget,
 * measured rather than self-reported.
 */
export interface CountingD1 {
	db: D1Database;
	count(): number;
}

export function countingD1(inner: D1Database): CountingD1 {
	let statements = 0;
	const real = new WeakMap<object, D1PreparedStatement>();
	const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
		const proxy = new Proxy(stmt, {
			get(target, prop) {
				if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args));
				if (prop === "run" || prop === "all" || prop === "first" || prop === "raw") {
					const method = target[prop] as (...a: unknown[]) => unknown;
					return (...args: unknown[]) => {
						statements++;
						return method.apply(target, args);
					};
				}
				const value = Reflect.get(target, prop, target);
				return typeof value === "function" ? value.bind(target) : value;
			},
		});
		real.set(proxy, stmt);
		return proxy;
	};
	const db = new Proxy(inner, {
		get(target, prop) {
			if (prop === "prepare") return (query: string) => wrap(target.prepare(query));
			if (prop === "batch")
				return (stmts: D1PreparedStatement[]) => {
					statements += stmts.length;
					return target.batch(stmts.map((s) => real.get(s) ?? s));
				};
			const value = Reflect.get(target, prop, target);
			return typeof value === "function" ? value.bind(target) : value;
		},
	});
	return { db, count: () => statements };
}
