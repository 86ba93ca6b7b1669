import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
// \0rolldown/runtime.js
var __defProp = Object.defineProperty;
var __esmMin = (fn, res, err) => () => {
	if (err) throw err[0];
	try {
		return fn && (res = fn(fn = 0)), res;
	} catch (e) {
		throw err = [e], e;
	}
};
var __exportAll = (all, no_symbols) => {
	let target = {};
	for (var name in all) __defProp(target, name, {
		get: all[name],
		enumerable: true
	});
	if (!no_symbols) __defProp(target, Symbol.toStringTag, { value: "Module" });
	return target;
};
// src/model/params.ts
function numericSpec(key) {
	return SPEC_BY_KEY[key];
}
/** Whether a parameter acts in the given regime (its control is disabled otherwise). */
function isActive(key, regime) {
	return SPEC_BY_KEY[key].regimes.includes(regime);
}
/**
* The parameters the theory actually uses: those that do not act in the regime are set to their
* neutral value (gradient flow: γ = T = 0; weight decay: T = 0; Bayes: no init, no time window).
*/
function effectiveParams(p) {
	const q = { ...p };
	if (q.regime === "gf") {
		q.gamma = 0;
		q.T = 0;
	} else if (q.regime === "wd") q.T = 0;
	else if (q.regime === "bayes") q.sigma02 = 0;
	return q;
}
/** Why a value is outside its spec's domain, or null when it is inside. */
function domainError(spec, v, integers = true) {
	const bad = () => `${spec.key} = ${String(v)} is out of its domain (${describeRange(spec)})`;
	if (spec.kind === "enum") return spec.options.includes(v) ? null : bad();
	if (typeof v !== "number" || Number.isNaN(v)) return bad();
	if (v === Infinity) return spec.allowInf ? null : bad();
	if (!(v >= spec.min && v <= spec.max)) return bad();
	if (integers && spec.integer && !Number.isInteger(v)) return bad();
	return null;
}
/**
* Check a configuration against PARAM_SPECS and the cross-parameter rules (tmin < tmax; the
* Bayesian posterior needs γ > 0). The one validation of the engine, the simulator and the CLI:
* throws a ParamError naming the first parameter outside its domain.
*/
function validateParams(p, { keys, integers = true } = {}) {
	const checked = keys ?? PARAM_SPECS.map((s) => s.key);
	for (const key of checked) {
		const reason = domainError(SPEC_BY_KEY[key], p[key], integers);
		if (reason) throw new ParamError(key, reason);
	}
	if (checked.includes("tmax") && checked.includes("tmin") && !(p.tmax > p.tmin)) throw new ParamError("tmax", `tmax = ${p.tmax} must exceed tmin = ${p.tmin}`);
	if (checked.includes("regime") && p.regime === "bayes" && !(p.gamma > 0)) throw new ParamError("gamma", "the Bayesian posterior needs gamma > 0 (prior variance T/γ)");
}
/** "integer in [1, 10000000] or inf", "one of gf, wd, langevin, bayes": a spec's domain in words. */
function rangeText(spec) {
	if (spec.kind === "enum") return `one of ${spec.options.join(", ")}`;
	const inf = spec.allowInf ? " or inf" : "";
	return `${spec.integer ? "integer " : ""}in [${spec.min}, ${spec.max}]${inf}`;
}
/** "alpha: in [1.05, 4]" — the allowed range of a parameter, in words. */
function describeRange(spec) {
	if (spec.kind === "enum") return `${spec.key} in {${spec.options.join(", ")}}`;
	return `${spec.key}: ${rangeText(spec)}`;
}
/**
* Bring one raw value into range. Returns the value and, when it changed, the reason.
* Accepts numbers and strings ("1e-3", "inf", "∞").
*/
function coerceValue(spec, raw) {
	let x;
	if (typeof raw === "number") x = raw;
	else if (typeof raw === "string") {
		const s = raw.trim().toLowerCase();
		if (s === "inf" || s === "infinity" || s === "∞" || s === "+inf") x = Infinity;
		else if (s === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) x = NaN;
		else x = Number(s);
	} else x = NaN;
	if (Number.isNaN(x)) return {
		value: spec.default,
		reason: "not a number; default used"
	};
	if (x === Infinity && spec.allowInf) return {
		value: Infinity,
		reason: null
	};
	if (!Number.isFinite(x)) {
		const v = x > 0 ? spec.max : spec.min;
		return {
			value: v,
			reason: `${spec.key} cannot be infinite; clamped to ${v}`
		};
	}
	let v = x;
	let reason = null;
	if (v < spec.min) {
		v = spec.min;
		reason = `below the minimum ${spec.min}`;
	} else if (v > spec.max) {
		v = spec.max;
		reason = `above the maximum ${spec.max}`;
	}
	if (spec.integer && !Number.isInteger(v)) {
		v = Math.round(v);
		reason = reason ?? "not an integer; rounded";
	}
	return {
		value: v,
		reason
	};
}
/** Cross-parameter constraints, applied after per-key clamping. */
function enforceConstraints(p, notes) {
	const q = { ...p };
	if (!(q.tmax > q.tmin)) {
		const old = q.tmax;
		q.tmax = Math.min(numericSpec("tmax").max, q.tmin * 10);
		if (!(q.tmax > q.tmin)) q.tmin = q.tmax / 10;
		notes.push({
			key: "tmax",
			from: String(old),
			to: String(q.tmax),
			reason: "the time window must satisfy tmin < tmax"
		});
	}
	if (q.regime === "bayes" && !(q.gamma > 0)) {
		notes.push({
			key: "gamma",
			from: String(q.gamma),
			to: "0.001",
			reason: "the Bayesian posterior needs γ > 0 (prior variance T/γ)"
		});
		q.gamma = .001;
	}
	return q;
}
/**
* Validate a partial, untrusted record of raw values: clamp, default and report. Never throws.
* Unknown keys are reported and dropped.
*/
function sanitizeParams(raw, base = DEFAULT_PARAMS) {
	const notes = [];
	const out = { ...base };
	for (const [key, value] of Object.entries(raw)) {
		if (!Object.hasOwn(SPEC_BY_KEY, key)) {
			notes.push({
				key,
				from: String(value),
				to: "",
				reason: "not a parameter"
			});
			continue;
		}
		const spec = SPEC_BY_KEY[key];
		if (spec.kind === "enum") {
			const s = String(value);
			if (spec.options.includes(s)) out.regime = s;
			else notes.push({
				key,
				from: s,
				to: spec.default,
				reason: `unknown regime; one of ${spec.options.join(", ")}`
			});
			continue;
		}
		const { value: v, reason } = coerceValue(spec, value);
		out[key] = v;
		if (reason) notes.push({
			key,
			from: String(value),
			to: formatValue(v),
			reason
		});
	}
	return {
		params: enforceConstraints(out, notes),
		notes
	};
}
/** Short, exact, round-trippable text of a number ("inf" for ∞). */
function formatValue(x) {
	if (x === Infinity) return "inf";
	if (Number.isInteger(x) && Math.abs(x) < 1e21) return String(x);
	const s = String(x);
	const short = Number(x.toPrecision(12));
	return short === x ? String(short) : s;
}
/** n log-spaced times from tmin to tmax inclusive. */
function timeGrid(tmin, tmax, n) {
	const t = new Float64Array(n);
	const a = Math.log(tmin);
	const b = Math.log(tmax);
	for (let i = 0; i < n; i++) t[i] = Math.exp(a + (b - a) * i / Math.max(1, n - 1));
	if (n > 0) t[0] = tmin;
	if (n > 1) t[n - 1] = tmax;
	return t;
}
var REGIMES, ALL, DYNAMIC, MAX_SIZE, MAX_MODES, PARAM_SPECS, SPEC_BY_KEY, DEFAULT_PARAMS, ParamError, MODEL_KEYS;
var init_params = __esmMin((() => {
	REGIMES = [
		"gf",
		"wd",
		"langevin",
		"bayes"
	];
	ALL = REGIMES;
	DYNAMIC = [
		"gf",
		"wd",
		"langevin"
	];
	MAX_SIZE = 1e7;
	MAX_MODES = 1e8;
	PARAM_SPECS = [
		{
			key: "regime",
			kind: "enum",
			label: "Learning regime",
			symbol: "",
			unit: "",
			help: "Gradient flow, with weight decay, Langevin training, or the Bayesian posterior it samples at t → ∞.",
			options: REGIMES,
			default: "gf",
			regimes: ALL
		},
		{
			key: "alpha",
			kind: "number",
			label: "Spectrum exponent",
			symbol: "\\alpha",
			unit: "",
			help: "Kernel eigenvalues fall as λ_k = k^{-α} (capacity); larger α = faster decay.",
			min: 1.05,
			max: 4,
			default: 1.5,
			scale: "linear",
			step: .01,
			regimes: ALL
		},
		{
			key: "beta",
			kind: "number",
			label: "Target exponent",
			symbol: "\\beta",
			unit: "",
			help: "Target power per mode λ_k w̄_k² = k^{-β} (source); larger β = smoother, easier target.",
			min: 1.05,
			max: 6,
			default: 2,
			scale: "linear",
			step: .01,
			regimes: ALL
		},
		{
			key: "P",
			kind: "number",
			label: "Dataset size",
			symbol: "P",
			unit: "samples",
			help: "Number of training examples.",
			min: 1,
			max: MAX_SIZE,
			default: 400,
			scale: "log",
			integer: true,
			regimes: ALL
		},
		{
			key: "N",
			kind: "number",
			label: "Model size",
			symbol: "N",
			unit: "features",
			help: "Number of random features (trainable weights); ∞ is the kernel limit.",
			min: 1,
			max: MAX_SIZE,
			default: 1e3,
			scale: "log",
			integer: true,
			allowInf: true,
			regimes: ALL
		},
		{
			key: "M",
			kind: "number",
			label: "Number of modes",
			symbol: "M",
			unit: "modes",
			help: "Eigenmodes of the data (truncation of the spectrum); ∞ keeps the whole power-law tail.",
			min: 2,
			max: MAX_MODES,
			default: Infinity,
			scale: "log",
			integer: true,
			allowInf: true,
			regimes: ALL
		},
		{
			key: "sigma2",
			kind: "number",
			label: "Label noise",
			symbol: "\\sigma^2",
			unit: "variance",
			help: "Variance of the noise added to each training label.",
			min: 0,
			max: 10,
			default: .05,
			scale: "log",
			logMin: 1e-6,
			regimes: ALL
		},
		{
			key: "gamma",
			kind: "number",
			label: "Weight decay",
			symbol: "\\gamma",
			unit: "1/time",
			help: "Ridge penalty (γ/2)|w|²; in the Bayesian view, prior variance T/γ.",
			min: 0,
			max: 10,
			default: .001,
			scale: "log",
			logMin: 1e-8,
			regimes: [
				"wd",
				"langevin",
				"bayes"
			]
		},
		{
			key: "T",
			kind: "number",
			label: "Temperature",
			symbol: "T",
			unit: "loss units",
			help: "Langevin noise √(2T) dB; the stationary law is the posterior with noise variance P·T.",
			min: 0,
			max: 1,
			default: 1e-4,
			scale: "log",
			logMin: 1e-10,
			regimes: ["langevin", "bayes"]
		},
		{
			key: "sigma02",
			kind: "number",
			label: "Init variance",
			symbol: "\\sigma_0^2",
			unit: "variance",
			help: "Variance of each weight at initialisation, w(0) ~ N(0, σ₀² I).",
			min: 0,
			max: 10,
			default: 0,
			scale: "log",
			logMin: 1e-6,
			regimes: DYNAMIC
		},
		{
			key: "tmin",
			kind: "number",
			label: "First time",
			symbol: "t_{\\min}",
			unit: "time",
			help: "Start of the time window (training time in units of the learning rate).",
			min: .001,
			max: 1e7,
			default: .01,
			scale: "log",
			regimes: DYNAMIC
		},
		{
			key: "tmax",
			kind: "number",
			label: "Last time",
			symbol: "t_{\\max}",
			unit: "time",
			help: "End of the time window.",
			min: .01,
			max: 1e8,
			default: 1e6,
			scale: "log",
			regimes: DYNAMIC
		},
		{
			key: "nt",
			kind: "number",
			label: "Time points",
			symbol: "n_t",
			unit: "points",
			help: "Number of log-spaced times on the curve.",
			min: 2,
			max: 400,
			default: 60,
			scale: "linear",
			step: 1,
			integer: true,
			regimes: DYNAMIC
		},
		{
			key: "seed",
			kind: "number",
			label: "Seed",
			symbol: "\\text{seed}",
			unit: "",
			help: "Seed of the random generator of the exact simulation (data, features, noise).",
			min: 0,
			max: 2147483647,
			default: 1,
			scale: "linear",
			step: 1,
			integer: true,
			regimes: ALL
		},
		{
			key: "seeds",
			kind: "number",
			label: "Simulation seeds",
			symbol: "S",
			unit: "runs",
			help: "Independent draws averaged by the exact simulation (error bars: ±1 s.e.m.).",
			min: 1,
			max: 256,
			default: 16,
			scale: "log",
			integer: true,
			regimes: ALL
		}
	];
	SPEC_BY_KEY = Object.fromEntries(PARAM_SPECS.map((s) => [s.key, s]));
	DEFAULT_PARAMS = Object.freeze(Object.fromEntries(PARAM_SPECS.map((s) => [s.key, s.default])));
	ParamError = class extends Error {
		param;
		constructor(param, message) {
			super(message);
			this.name = "ParamError";
			this.param = param;
		}
	};
	MODEL_KEYS = [
		"alpha",
		"beta",
		"P",
		"N",
		"M",
		"sigma2",
		"gamma",
		"T",
		"sigma02"
	];
}));
// src/model/paramsCodec.ts
init_params();
/** Longest query string read; the rest is ignored (with a notice). */
var MAX_QUERY_LENGTH = 4096;
function isParamKey(key) {
	return Object.hasOwn(SPEC_BY_KEY, key);
}
/** Untrusted text as it may appear in a notice: short, control characters removed. */
function quote(raw, max = 40) {
	const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, "�");
	const chars = Array.from(clean);
	return chars.length > max ? `${chars.slice(0, max).join("")}…` : clean;
}
/**
* Split a query string (with or without '?') into one value per key: the last when a key repeats
* (with a notice); values longer than MAX_VALUE_LENGTH are dropped with a notice, except for
* `longKeys`. The version key `v` is checked here and not returned.
*/
function readQuery(search, longKeys = []) {
	const notices = [];
	let q = typeof search === "string" ? search : "";
	if (q.startsWith("?")) q = q.slice(1);
	if (q.length > 4096) {
		notices.push({
			key: "",
			message: `the link's settings are ${q.length} characters long; only the first ${MAX_QUERY_LENGTH} were read.`
		});
		q = q.slice(0, MAX_QUERY_LENGTH);
	}
	let usp;
	try {
		usp = new URLSearchParams(q);
	} catch {
		usp = new URLSearchParams();
	}
	const values = /* @__PURE__ */ new Map();
	for (const key of new Set(usp.keys())) {
		const all = usp.getAll(key);
		const last = all[all.length - 1];
		if (all.length > 1) notices.push({
			key,
			message: `“${quote(key)}” appears ${all.length} times; the last value (“${quote(last)}”) is used.`
		});
		if (last.length > (longKeys.includes(key) ? 4096 : 200)) {
			notices.push({
				key,
				message: `the value of “${quote(key)}” is ${last.length} characters long; ignored.`
			});
			continue;
		}
		values.set(key, last);
	}
	const version = values.get("v");
	values.delete("v");
	if (version === void 0) {
		if (values.size > 0) notices.push({
			key: "v",
			message: `the link has no version; read as version 1.`
		});
	} else if (version !== String(1)) notices.push({
		key: "v",
		message: `link version “${quote(version)}” is not supported; read as version 1, some settings may differ.`
	});
	return {
		values,
		notices
	};
}
/** A notice about a value that was changed or dropped. */
function adjustmentNotice(a, prefix = "") {
	const to = a.to === "" ? "ignored" : `set to ${a.to}`;
	return {
		key: a.key,
		message: `${prefix}${quote(a.key)} = “${quote(a.from)}”: ${a.reason}; ${to}.`
	};
}
/**
* The parameters of a link's values: validated and clamped against PARAM_SPECS, cross-parameter
* constraints applied; every change and every key that is neither a parameter nor in `otherKeys`
* is reported.
*/
function readParams(values, { base = DEFAULT_PARAMS, otherKeys = [], prefix = "" } = {}) {
	const record = Object.create(null);
	const given = [];
	for (const [key, value] of values) {
		if (otherKeys.includes(key)) continue;
		record[key] = value;
		if (isParamKey(key)) given.push(key);
	}
	const { params, notes } = sanitizeParams(record, base);
	return {
		params,
		given,
		notices: notes.map((n) => adjustmentNotice(n, prefix))
	};
}
// src/cli/resolve.ts
init_params();
var CliError = class extends Error {
	/** The flag or key at fault ('' when none). */
	flag;
	constructor(flag, message) {
		super(message);
		this.name = "CliError";
		this.flag = flag;
	}
};
/** Strictly read one value: malformed, out of range or not an integer where one is needed is an error. */
function strictValue(key, raw, name) {
	const spec = SPEC_BY_KEY[key];
	if (spec.kind === "enum") {
		if (spec.options.includes(raw)) return raw;
		throw new CliError(key, `${name}: “${String(raw)}” is not allowed (${describeRange(spec)})`);
	}
	const { value, reason } = coerceValue(spec, typeof raw === "number" ? raw : String(raw).trim());
	if (reason) throw new CliError(key, `${name}: “${String(raw)}” is ${reason.split(";")[0]} (${describeRange(spec)})`);
	return value;
}
/** The regime that the values given imply when none is named, and why (one line). */
function inferRegime(last) {
	const T = last.get("T");
	const gamma = last.get("gamma");
	if (T && T.value > 0) return {
		regime: "langevin",
		why: `${T.name} > 0`
	};
	if (gamma && gamma.value > 0) return {
		regime: "wd",
		why: `${gamma.name} > 0`
	};
	return {
		regime: "gf",
		why: "no T > 0 or gamma > 0 given"
	};
}
/** The configuration of the values given (later values of a key override earlier ones). */
function resolveParams(given, base = DEFAULT_PARAMS) {
	const last = /* @__PURE__ */ new Map();
	for (const g of given) last.set(g.key, g);
	const named = last.get("regime");
	let regime;
	let inferred = null;
	if (named) {
		regime = named.value;
		for (const g of last.values()) {
			if (isActive(g.key, regime)) continue;
			throw new CliError(g.key, `${g.name} does not act in regime ${regime} (${named.name}); it acts in ${SPEC_BY_KEY[g.key].regimes.join(", ")}`);
		}
	} else {
		const r = inferRegime(last);
		regime = r.regime;
		inferred = `regime: ${regime} (inferred: ${r.why}; --regime sets it)`;
	}
	const params = {
		...base,
		regime
	};
	for (const g of last.values()) params[g.key] = g.value;
	try {
		validateParams(params);
	} catch (err) {
		if (!(err instanceof ParamError)) throw err;
		throw new CliError(err.param, `${last.get(err.param)?.name ?? err.param}: ${err.message}`);
	}
	return {
		params,
		inferred
	};
}
// src/cli/args.ts
init_params();
/** The flags that are not parameters, with their help text (the parameters' come from the table). */
var EXTRA_FLAGS = [
	{
		name: "times",
		value: "tmin:tmax:n",
		help: "shorthand for --tmin --tmax --nt"
	},
	{
		name: "url",
		value: "'<query>'",
		help: "the parameters of a shared link of the app (flags given too override it)"
	},
	{
		name: "format",
		value: "csv|json",
		help: "csv (default) or json: params, t, Eg, Etr, earlyStop, limit, exponents"
	},
	{
		name: "repeat",
		value: "K",
		help: "recompute the curve K times and report the median msPerCurve (json, or on stderr)"
	},
	{
		name: "simulate",
		value: "",
		help: "the exact finite-size simulator instead (--seeds, --seed): t,Eg_mean,Eg_sem"
	},
	{
		name: "frontier",
		value: "",
		help: "compute-optimal allocation at this P (gradient flow): C,Lstar,Nstar,tstar, C = N·t = 1e3…1e9"
	},
	{
		name: "batch",
		value: "FILE|-",
		help: "JSON lines of parameter sets (keys as the flags); one JSON result or {\"line\", \"error\"} per line"
	},
	{
		name: "help",
		value: "",
		help: "this text"
	}
];
/** How a value from the --url link is named in messages ("gamma (in --url)"). */
var LINK_SUFFIX = " (in --url)";
var SWITCHES = /* @__PURE__ */ new Set([
	"simulate",
	"frontier",
	"help"
]);
var MAX_REPEAT = 1e5;
function parseTimes(raw) {
	const parts = raw.split(":");
	if (parts.length !== 3) throw new CliError("times", `--times: “${raw}” should be tmin:tmax:n, e.g. 1e-2:1e6:60`);
	return [
		"tmin",
		"tmax",
		"nt"
	].map((key, i) => ({
		key,
		value: strictValue(key, parts[i], `--times (${key})`),
		name: "--times"
	}));
}
/** The parameter values of a --url link, and notices about it as warnings. */
function linkValues(link, warnings) {
	const query = readQuery(link);
	const read = readParams(query.values);
	for (const n of [...query.notices, ...read.notices]) warnings.push(`--url: ${n.message}`);
	return read.given.map((key) => ({
		key,
		value: read.params[key],
		name: `${key}${LINK_SUFFIX}`
	}));
}
/** Split argv into [flag, value] pairs ("--x v" or "--x=v"; switches take no value). */
function tokens(argv) {
	const out = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith("--")) throw new CliError(a, `unexpected argument “${a}” (flags start with --)`);
		const eq = a.indexOf("=");
		const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
		if (SWITCHES.has(name)) {
			if (eq > 0) throw new CliError(name, `--${name} takes no value`);
			out.push([name, void 0]);
			continue;
		}
		const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
		if (value === void 0) throw new CliError(name, `--${name} needs a value`);
		out.push([name, value.trim()]);
	}
	return out;
}
function parseArgs(argv) {
	const opts = {
		given: [],
		mode: "curve",
		format: "csv",
		repeat: 0,
		batch: null,
		help: false,
		warnings: []
	};
	const flags = tokens(argv);
	const known = /* @__PURE__ */ new Set([...PARAM_SPECS.map((s) => s.key), ...EXTRA_FLAGS.map((f) => f.name)]);
	for (const [name] of flags) if (!known.has(name)) throw new CliError(name, `unknown flag --${name} (see --help)`);
	for (const [name, value] of flags) if (name === "url") opts.given.push(...linkValues(value, opts.warnings));
	const modes = [];
	for (const [name, value] of flags) if (name === "url") continue;
	else if (name === "help") opts.help = true;
	else if (name === "simulate" || name === "frontier") modes.push(name);
	else if (name === "times") opts.given.push(...parseTimes(value));
	else if (name === "batch") opts.batch = value;
	else if (name === "format") {
		if (value !== "csv" && value !== "json") throw new CliError("format", `--format: “${value}” is not allowed (csv or json)`);
		opts.format = value;
	} else if (name === "repeat") {
		const k = Number(value);
		if (!Number.isInteger(k) || k < 1 || k > MAX_REPEAT) throw new CliError("repeat", `--repeat: “${value}” is not allowed (integer in [1, ${MAX_REPEAT}])`);
		opts.repeat = k;
	} else if (isParamKey(name)) opts.given.push({
		key: name,
		value: strictValue(name, value, `--${name}`),
		name: `--${name}`
	});
	if (modes.length > 1) throw new CliError("frontier", "--simulate and --frontier exclude each other");
	opts.mode = modes[0] ?? "curve";
	if (opts.repeat > 0 && opts.mode !== "curve") throw new CliError("repeat", `--repeat times the theory curve; it does not act with --${opts.mode}`);
	if (opts.batch !== null && opts.format === "csv" && flags.some(([n]) => n === "format")) throw new CliError("format", "--format csv: --batch prints JSON lines");
	if (opts.batch !== null && opts.repeat > 0) throw new CliError("repeat", "--repeat does not act with --batch (each result carries ms)");
	return opts;
}
/**
* Parameters a mode does not use (beyond the regime rule): given as a flag or a batch key they are
* an error; in a --url link (which carries every setting of the app) a warning.
*/
var MODE_UNUSED = {
	curve: ["seed", "seeds"],
	simulate: [],
	frontier: [
		"N",
		"tmin",
		"tmax",
		"nt",
		"seed",
		"seeds"
	]
};
var MODE_WHY = {
	curve: "they act only with --simulate",
	simulate: "",
	frontier: "the frontier chooses N and t = C/N itself; seeds act only with --simulate"
};
/**
* Check the values given against the mode: errors for flags and batch keys, warnings for --url.
* The frontier is computed for gradient flow, so any other regime is an error there.
*/
function checkMode(mode, given, params, warnings) {
	const unused = MODE_UNUSED[mode];
	const fromLink = [];
	for (const g of given) {
		if (!unused.includes(g.key)) continue;
		if (g.name.endsWith(LINK_SUFFIX)) {
			if (!fromLink.includes(g.key)) fromLink.push(g.key);
			continue;
		}
		const run = mode === "curve" ? "the theory curve" : `--${mode}`;
		throw new CliError(g.key, `${g.name} does not act in ${run} (${MODE_WHY[mode]})`);
	}
	if (fromLink.length) warnings.push(`--url: ${fromLink.join(", ")} not used (${MODE_WHY[mode]})`);
	if (mode === "frontier" && params.regime !== "gf") throw new CliError("regime", `--frontier is computed for gradient flow (regime gf); the values given make regime ${params.regime}`);
}
// src/model/theory/sums.ts
/** df and df' only (the Newton iteration needs nothing else). out[0..3]. */
function dfSums(sp, kr, ki, out) {
	const lam = sp.lam;
	const wl = sp.wl;
	const n = lam.length;
	let fr = 0;
	let fi = 0;
	let gr = 0;
	let gi = 0;
	for (let i = 0; i < n; i++) {
		const dr = lam[i] + kr;
		const q = 1 / (dr * dr + ki * ki);
		const ir = dr * q;
		const ii = -ki * q;
		const w = wl[i];
		fr += w * ir;
		fi += w * ii;
		gr -= w * (ir * ir - ii * ii);
		gi -= w * 2 * ir * ii;
	}
	out[0] = fr;
	out[1] = fi;
	out[2] = gr;
	out[3] = gi;
	if (sp.tail) addTail(sp.tail.Ia, sp.tail.lamX, kr, ki, out, 0);
}
/** All four sums. out[0..7] = df, df', U, U'. */
function allSums(sp, kr, ki, out) {
	const lam = sp.lam;
	const wl = sp.wl;
	const wlc = sp.wlc;
	const n = lam.length;
	let fr = 0;
	let fi = 0;
	let gr = 0;
	let gi = 0;
	let ur = 0;
	let ui = 0;
	let vr = 0;
	let vi = 0;
	for (let i = 0; i < n; i++) {
		const dr = lam[i] + kr;
		const q = 1 / (dr * dr + ki * ki);
		const ir = dr * q;
		const ii = -ki * q;
		const sr = ir * ir - ii * ii;
		const si = 2 * ir * ii;
		const w = wl[i];
		const c = wlc[i];
		fr += w * ir;
		fi += w * ii;
		gr -= w * sr;
		gi -= w * si;
		ur += c * ir;
		ui += c * ii;
		vr -= c * sr;
		vi -= c * si;
	}
	out[0] = fr;
	out[1] = fi;
	out[2] = gr;
	out[3] = gi;
	out[4] = ur;
	out[5] = ui;
	out[6] = vr;
	out[7] = vi;
	if (sp.tail) {
		addTail(sp.tail.Ia, sp.tail.lamX, kr, ki, out, 0);
		addTail(sp.tail.Iab, sp.tail.lamX, kr, ki, out, 4);
	}
}
/**
* Tail beyond X: Σ_n (−1)^{n+1} κ^{-n} I_n into out[o], o+1 and its κ-derivative
* Σ_n (−1)^n n κ^{-n-1} I_n into out[o+2], o+3. Converges when λ_X < |κ|.
*/
function addTail(I, lamX, kr, ki, out, o) {
	const m2 = kr * kr + ki * ki;
	if (!(m2 > lamX * lamX)) throw new RangeError(`spectral tail: |κ| = ${Math.sqrt(m2)} below the quadrature floor ${lamX}`);
	const zr = kr / m2;
	const zi = -ki / m2;
	let pr = zr;
	let pi = zi;
	let sr = 0;
	let si = 0;
	let dr = 0;
	let di = 0;
	for (let n = 1; n <= I.length; n++) {
		const a = (n % 2 === 1 ? 1 : -1) * I[n - 1];
		const tr = a * pr;
		const ti = a * pi;
		sr += tr;
		si += ti;
		const ur = tr * zr - ti * zi;
		const ui = tr * zi + ti * zr;
		dr -= n * ur;
		di -= n * ui;
		if (tr * tr + ti * ti < 1e-34 * (sr * sr + si * si)) break;
		const nr = pr * zr - pi * zi;
		pi = pr * zi + pi * zr;
		pr = nr;
	}
	out[o] += sr;
	out[o + 1] += si;
	out[o + 2] += dr;
	out[o + 3] += di;
}
/** Real-κ df (κ > 0) — used by the real solvers. */
function dfReal(sp, k) {
	const lam = sp.lam;
	const wl = sp.wl;
	let s = 0;
	for (let i = 0; i < lam.length; i++) s += wl[i] / (lam[i] + k);
	if (sp.tail) {
		tailReal(sp.tail.Ia, k, realBuf, 0);
		s += realBuf[0];
	}
	return s;
}
var realBuf = /* @__PURE__ */ new Float64Array(2);
/** All four sums at real κ > 0: out[0..3] = df, df', U, U'. */
function allSumsReal(sp, k, out) {
	let df = 0;
	let dfd = 0;
	let U = 0;
	let Ud = 0;
	for (let i = 0; i < sp.lam.length; i++) {
		const inv = 1 / (sp.lam[i] + k);
		df += sp.wl[i] * inv;
		dfd -= sp.wl[i] * inv * inv;
		U += sp.wlc[i] * inv;
		Ud -= sp.wlc[i] * inv * inv;
	}
	if (sp.tail) {
		tailReal(sp.tail.Ia, k, realBuf, 0);
		df += realBuf[0];
		dfd += realBuf[1];
		tailReal(sp.tail.Iab, k, realBuf, 0);
		U += realBuf[0];
		Ud += realBuf[1];
	}
	out[0] = df;
	out[1] = dfd;
	out[2] = U;
	out[3] = Ud;
}
/** Real tail series Σ (−1)^{n+1} I_n k^{-n} into out[o] and its derivative into out[o+1]. */
function tailReal(I, k, out, o) {
	const z = 1 / k;
	let p = z;
	let s = 0;
	let d = 0;
	for (let n = 1; n <= I.length; n++) {
		const t = (n % 2 === 1 ? 1 : -1) * I[n - 1] * p;
		s += t;
		d -= n * z * t;
		if (Math.abs(t) < 1e-17 * Math.abs(s)) break;
		p *= z;
	}
	out[o] = s;
	out[o + 1] = d;
}
// src/model/theory/kappa.ts
var KappaSolver = class {
	sp;
	iN;
	iP;
	kstar;
	buf = /* @__PURE__ */ new Float64Array(8);
	/** Newton iterations spent (for benchmarks and tests). */
	iterations = 0;
	constructor(sp, N, P) {
		this.sp = sp;
		this.iN = Number.isFinite(N) ? 1 / N : 0;
		this.iP = Number.isFinite(P) ? 1 / P : 0;
	}
	/** κ_*: df(κ_*) = min(N, P) when min(N, P) < M, else 0 (λ → 0 limit of the physical branch). */
	kappaStar() {
		if (this.kstar !== void 0) return this.kstar;
		const n = 1 / Math.max(this.iN, this.iP);
		let ks = 0;
		if (Number.isFinite(n) && n < this.sp.M) {
			const hi = this.sp.Slam / n;
			let lo = Math.min(hi, Math.pow(2 * n, -this.sp.alpha));
			while (dfReal(this.sp, lo) < n && lo > 1e-300) lo /= 4;
			const u = solveMonotone((x) => dfReal(this.sp, Math.exp(x)) - n, Math.log(lo), Math.log(hi), -1);
			ks = Math.exp(u);
		}
		this.kstar = ks;
		return ks;
	}
	/** Residual κ R(κ) − λ for real κ. */
	residualReal(k, lam) {
		const df = dfReal(this.sp, k);
		return k * (1 - df * this.iN) * (1 - df * this.iP) - lam;
	}
	/** κ(λ) for real λ ≥ 0 (λ = 0 gives κ_*). */
	solveReal(lam) {
		const ks = this.kappaStar();
		if (lam <= 0) return ks;
		const hi = lam + this.sp.Slam * (this.iN + this.iP);
		if (this.iN === 0 && this.iP === 0) return lam;
		let lo = Math.max(ks, lam * 1e-300);
		if (ks > 0) lo = ks * (1 + 1e-15);
		else lo = lam * .001;
		while (this.residualReal(lo, lam) > 0 && lo > 1e-300) lo = ks > 0 ? ks + (lo - ks) / 16 : lo / 16;
		const u = solveMonotone((x) => this.residualReal(Math.exp(x), lam), Math.log(lo), Math.log(hi), 1);
		return Math.exp(u);
	}
	/**
	* Complex root near the guess (gr, gi). Writes κ into out[0], out[1]. Returns false when damped
	* Newton does not converge (the caller then subdivides the continuation path).
	*/
	solveComplex(lr, li, gr, gi, out) {
		const b = this.buf;
		const iN = this.iN;
		const iP = this.iP;
		let kr = gr;
		let ki = gi;
		const evalF = (r, i) => {
			dfSums(this.sp, r, i, b);
			const fr0 = b[0];
			const fi0 = b[1];
			const nr = 1 - fr0 * iN;
			const ni = -fi0 * iN;
			const pr = 1 - fr0 * iP;
			const pi = -fi0 * iP;
			const Rr = nr * pr - ni * pi;
			const Ri = nr * pi + ni * pr;
			b[4] = r * Rr - i * Ri - lr;
			b[5] = r * Ri + i * Rr - li;
			const sr = iN * pr + iP * nr;
			const si = iN * pi + iP * ni;
			const dRr = -(b[2] * sr - b[3] * si);
			const dRi = -(b[2] * si + b[3] * sr);
			b[6] = Rr + (r * dRr - i * dRi);
			b[7] = Ri + (r * dRi + i * dRr);
		};
		evalF(kr, ki);
		let fn = Math.hypot(b[4], b[5]);
		const scale = Math.hypot(lr, li);
		for (let it = 0; it < 60; it++) {
			this.iterations++;
			const dm = b[6] * b[6] + b[7] * b[7];
			if (!(dm > 0)) return false;
			const dr = (b[4] * b[6] + b[5] * b[7]) / dm;
			const di = (b[5] * b[6] - b[4] * b[7]) / dm;
			if (Math.hypot(dr, di) <= 1e-8 * Math.hypot(kr, ki) || fn <= 1e-15 * scale) {
				out[0] = kr - dr;
				out[1] = ki - di;
				return true;
			}
			let step = 1;
			let accepted = false;
			for (let h = 0; h < 30; h++) {
				const nr = kr - step * dr;
				const ni = ki - step * di;
				if (this.sp.tail && Math.hypot(nr, ni) <= this.sp.tail.lamX * 2) {
					step /= 2;
					continue;
				}
				evalF(nr, ni);
				const fnew = Math.hypot(b[4], b[5]);
				if (fnew < fn || fnew <= 1e-15 * scale) {
					kr = nr;
					ki = ni;
					fn = fnew;
					accepted = true;
					break;
				}
				step /= 2;
			}
			if (!accepted) {
				if (fn <= 1e-11 * scale) {
					out[0] = kr;
					out[1] = ki;
					return true;
				}
				return false;
			}
		}
		return false;
	}
	/**
	* Follow the root from (λ0, κ0) to λ1 = (lr, li): Newton from κ0, bisecting the path when it
	* fails. Writes κ(λ1) into out.
	*/
	continueTo(l0r, l0i, k0r, k0i, lr, li, out, depth = 0) {
		if (this.solveComplex(lr, li, k0r, k0i, out)) return;
		if (depth > 12) throw new Error(`κ solver did not converge at λ = ${lr} + ${li}i`);
		const mr = .5 * (l0r + lr);
		const mi = .5 * (l0i + li);
		this.continueTo(l0r, l0i, k0r, k0i, mr, mi, out, depth + 1);
		const kr = out[0];
		const ki = out[1];
		this.continueTo(mr, mi, kr, ki, lr, li, out, depth + 1);
	}
};
/**
* Root of a monotone function g on [a, b] (sign = +1 increasing, −1 decreasing) by the Illinois
* variant of regula falsi with bisection fallback. Returns a point with |g| ≈ 0 to ~1e-15.
*/
function solveMonotone(g, a, b, sign) {
	let ga = g(a) * sign;
	let gb = g(b) * sign;
	if (ga >= 0) return a;
	if (gb <= 0) return b;
	let side = 0;
	for (let it = 0; it < 200; it++) {
		let c = (a * gb - b * ga) / (gb - ga);
		if (!(c > a && c < b)) c = .5 * (a + b);
		const gc = g(c) * sign;
		if (gc === 0 || Math.abs(b - a) < 1e-15 * Math.max(1, Math.abs(c))) return c;
		if (gc < 0) {
			a = c;
			ga = gc;
			if (side === -1) gb /= 2;
			side = -1;
		} else {
			b = c;
			gb = gc;
			if (side === 1) ga /= 2;
			side = 1;
		}
	}
	return .5 * (a + b);
}
var TAIL_TERMS = 40;
function gaussLegendre(n) {
	const x = new Float64Array(n);
	const w = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		let z = Math.cos(Math.PI * (i + .75) / (n + .5));
		let dp = 0;
		for (let it = 0; it < 100; it++) {
			let p0 = 1;
			let p1 = 0;
			for (let j = 1; j <= n; j++) {
				const p2 = p1;
				p1 = p0;
				p0 = ((2 * j - 1) * z * p1 - (j - 1) * p2) / j;
			}
			dp = n * (z * p0 - p1) / (z * z - 1);
			const dz = p0 / dp;
			z -= dz;
			if (Math.abs(dz) < 1e-16) break;
		}
		x[i] = -z;
		w[i] = 2 / ((1 - z * z) * dp * dp);
	}
	return {
		x,
		w
	};
}
var GL = gaussLegendre(8);
var NodeList = class {
	x = [];
	w = [];
	push(x, w) {
		this.x.push(x);
		this.w.push(w);
	}
};
/**
* Build the node set for λ_k = k^{-α}, target power k^{-β}, k = 1..M.
* `lamFloor`: the smallest |κ| (ridge scale) the caller will evaluate; for M = ∞ the quadrature
* runs down to λ_X = lamFloor/20 so the analytic tail converges geometrically (ratio ≤ 1/20).
*/
function buildSpectrum(alpha, beta, M, lamFloor) {
	const nodes = new NodeList();
	const exactAll = Number.isFinite(M) && M <= 600;
	const K0 = exactAll ? M : Math.min(24, M);
	for (let k = 1; k <= K0; k++) nodes.push(k, 1);
	let tail = null;
	if (!exactAll) {
		const a = K0 + .5;
		let b;
		if (Number.isFinite(M)) b = M + .5;
		else {
			const lamX = Math.max(lamFloor, 1e-300) / 20;
			b = Math.max(Math.pow(lamX, -1 / alpha), 4 * a);
		}
		const va = -alpha * Math.log(a);
		const vb = -alpha * Math.log(b);
		const panels = Math.max(1, Math.ceil((va - vb) / Math.LN10 - 1e-9));
		const dv = (va - vb) / panels;
		for (let p = 0; p < panels; p++) {
			const v0 = va - p * dv;
			for (let g = 0; g < 8; g++) {
				const v = v0 - .5 * dv * (1 + GL.x[g]);
				const x = Math.exp(-v / alpha);
				nodes.push(x, GL.w[g] * .5 * dv * x / alpha);
			}
		}
		const h = .5;
		nodes.push(a + h, 1 / (48 * h));
		nodes.push(a - h, -1 / (48 * h));
		if (Number.isFinite(M)) {
			nodes.push(b + h, -1 / (48 * h));
			nodes.push(b - h, 1 / (48 * h));
		} else {
			const Ia = new Float64Array(TAIL_TERMS);
			const Iab = new Float64Array(TAIL_TERMS);
			for (let n = 1; n <= TAIL_TERMS; n++) {
				Ia[n - 1] = Math.pow(b, 1 - n * alpha) / (n * alpha - 1);
				Iab[n - 1] = Math.pow(b, 1 - n * alpha - beta) / (n * alpha + beta - 1);
			}
			tail = {
				X: b,
				lamX: Math.pow(b, -alpha),
				Ia,
				Iab,
				Sw: Math.pow(b, 1 - beta) / (beta - 1)
			};
		}
	}
	const n = nodes.x.length;
	const lam = new Float64Array(n);
	const wl = new Float64Array(n);
	const wlc = new Float64Array(n);
	const wc = new Float64Array(n);
	const xs = new Float64Array(n);
	let Sw = 0;
	let Slam = 0;
	for (let i = 0; i < n; i++) {
		const x = nodes.x[i];
		const w = nodes.w[i];
		const l = Math.pow(x, -alpha);
		const c = Math.pow(x, -beta);
		xs[i] = x;
		lam[i] = l;
		wl[i] = w * l;
		wlc[i] = w * l * c;
		wc[i] = w * c;
		Sw += w * c;
		Slam += w * l;
	}
	if (tail) {
		Sw += tail.Sw;
		Slam += tail.Ia[0];
	}
	return {
		alpha,
		beta,
		M,
		lam,
		wl,
		wlc,
		wc,
		x: xs,
		Sw,
		Slam,
		tail
	};
}
var cache = /* @__PURE__ */ new Map();
/**
* Cached spectrum; the floor is rounded down to a power of ten so that slider moves reuse nodes.
*/
function getSpectrum(alpha, beta, M, lamFloor) {
	const floor = Math.pow(10, Math.floor(Math.log10(Math.max(lamFloor, 1e-300))));
	const key = `${alpha}|${beta}|${M}|${Number.isFinite(M) ? 0 : floor}`;
	let s = cache.get(key);
	if (!s) {
		s = buildSpectrum(alpha, beta, M, floor);
		if (cache.size > 64) cache.clear();
		cache.set(key, s);
	}
	return s;
}
/** Number of nodes j ≥ 0 of the order-M_t rule whose weight |c_j/c_0| exceeds 1e-20. */
function keptNodes(order) {
	const rt = 2 * order / 5;
	let n = 1;
	for (let j = 1; j < order; j++) {
		const th = j * Math.PI / order;
		const sig = th + (th / Math.tan(th) - 1) / Math.tan(th);
		if (rt * (th / Math.tan(th)) - rt + Math.log(Math.hypot(1, sig)) > Math.log(1e-20)) n = j + 1;
	}
	return n;
}
function allocNodes(order = 12) {
	const n = keptNodes(order);
	return {
		order,
		n,
		sr: new Float64Array(n),
		si: new Float64Array(n),
		cr: new Float64Array(n),
		ci: new Float64Array(n)
	};
}
/** Fill `out` with the nodes and weights for time t > 0. */
function talbotNodes(t, out) {
	const order = out.order;
	const r = 2 * order / (5 * t);
	const pre = r / (2 * order);
	out.sr[0] = r;
	out.si[0] = 0;
	out.cr[0] = pre * Math.exp(r * t);
	out.ci[0] = 0;
	for (let j = 1; j < out.n; j++) {
		const th = j * Math.PI / order;
		const cot = Math.cos(th) / Math.sin(th);
		const sr = r * th * cot;
		const si = r * th;
		const sig = th + (th * cot - 1) * cot;
		const mag = pre * Math.exp(t * sr);
		const er = mag * Math.cos(t * si);
		const ei = mag * Math.sin(t * si);
		out.sr[j] = sr;
		out.si[j] = si;
		out.cr[j] = er - sig * ei;
		out.ci[j] = ei + sig * er;
	}
	return out;
}
// src/model/theory/engine.ts
init_params();
/**
* Check the domain of the theory: the model parameters as the table declares them (P, N, M may be
* fractional: the equations are analytic in them), and any positive, finite time window (the
* compute-optimal search evaluates times beyond the window a user may ask for).
*/
function assertDomain(p) {
	validateParams(p, {
		keys: MODEL_KEYS,
		integers: false
	});
	if (!(p.tmin > 0) || !Number.isFinite(p.tmin)) throw new ParamError("tmin", `tmin must be > 0, got ${p.tmin}`);
	if (!(p.tmax > p.tmin) || !Number.isFinite(p.tmax)) throw new ParamError("tmax", `tmax must be finite and > tmin, got ${p.tmax}`);
}
/**
* Smallest |κ| the computation can meet: κ_* ≥ (2n)^{-α} with n = min(N, P) (df ≥ ½·#{λ_k ≥ κ}),
* and |κ(λ)| ≳ |λ| ≥ 0.26·r at the Talbot nodes, r = 2M_t/(5 t_max), halved for the Langevin
* variable γ + s/2. The spectrum's analytic tail starts twenty times below this.
*/
function kappaFloor(p, tmax) {
	const n = Math.min(p.N, p.P);
	const star = Number.isFinite(n) ? Math.pow(2 * n, -p.alpha) : Infinity;
	const rmin = 24 / (5 * tmax);
	return Math.min(star, .1 * rmin) / 4;
}
function makeEngine(params, tmax = params.tmax) {
	const p = effectiveParams(params);
	assertDomain(p);
	const sp = getSpectrum(p.alpha, p.beta, p.M, kappaFloor(p, Math.max(tmax, p.tmax)));
	const solver = new KappaSolver(sp, p.N, p.P);
	return {
		p,
		sp,
		solver,
		iN: solver.iN,
		iP: solver.iP
	};
}
function allocState(n = keptNodes(12)) {
	const f = () => new Float64Array(n);
	return {
		n,
		kr: f(),
		ki: f(),
		dfr: f(),
		dfi: f(),
		dfdr: f(),
		dfdi: f(),
		ur: f(),
		ui: f(),
		udr: f(),
		udi: f(),
		ar: f(),
		ai: f(),
		apr: f(),
		api: f()
	};
}
var sumBuf = /* @__PURE__ */ new Float64Array(8);
var kBuf = /* @__PURE__ */ new Float64Array(2);
function allocHistory(n = keptNodes(12)) {
	const f = () => new Float64Array(n);
	return {
		count: 0,
		t1: 0,
		t2: 0,
		shift: NaN,
		k1r: f(),
		k1i: f(),
		k2r: f(),
		k2i: f()
	};
}
/** Largest step in log t for which the history is trusted (otherwise: path continuation). */
var MAX_WARM_STEP = Math.log(3);
/**
* Solve κ at λ_j = shift + scale·s_j: warm-started Newton from the extrapolated history when the
* previous times are close; otherwise the real node by a bracketed solver and damped-Newton
* continuation along j (docs/theory.md §5.3). Then the four spectral sums at each κ.
*/
function solveNodes(e, nodes, shift, scale, st, withU = true, hist = null, t = 0) {
	const n = nodes.n;
	let warm = hist !== null && hist.count >= 2 && hist.shift === shift && Math.abs(Math.log(t / hist.t1)) <= MAX_WARM_STEP && Math.abs(Math.log(hist.t1 / hist.t2)) <= MAX_WARM_STEP && hist.t1 !== hist.t2;
	if (warm && hist) {
		const rho = Math.log(t / hist.t1) / Math.log(hist.t1 / hist.t2);
		for (let j = 0; j < n && warm; j++) {
			const ar = hist.k1r[j];
			const ai = hist.k1i[j];
			const br = hist.k2r[j];
			const bi = hist.k2i[j];
			const bm = br * br + bi * bi;
			const qr = (ar * br + ai * bi) / bm;
			const qi = (ai * br - ar * bi) / bm;
			const lm = .5 * Math.log(qr * qr + qi * qi) * rho;
			const la = Math.atan2(qi, qr) * rho;
			const m = Math.exp(lm);
			const gr = m * (ar * Math.cos(la) - ai * Math.sin(la));
			const gi = m * (ar * Math.sin(la) + ai * Math.cos(la));
			const lr = shift + scale * nodes.sr[j];
			const li = scale * nodes.si[j];
			const before = e.solver.iterations;
			const ok = e.solver.solveComplex(lr, li, gr, j === 0 ? 0 : gi, kBuf);
			const moved = Math.hypot(kBuf[0] - gr, kBuf[1] - gi);
			if (!ok || e.solver.iterations - before > 8 || moved > .25 * Math.hypot(gr, gi)) warm = false;
			st.kr[j] = kBuf[0];
			st.ki[j] = j === 0 ? 0 : kBuf[1];
		}
	}
	if (!warm) {
		let lr = shift + scale * nodes.sr[0];
		let li = 0;
		st.kr[0] = e.solver.solveReal(lr);
		st.ki[0] = 0;
		for (let j = 1; j < n; j++) {
			const nr = shift + scale * nodes.sr[j];
			const ni = scale * nodes.si[j];
			e.solver.continueTo(lr, li, st.kr[j - 1], st.ki[j - 1], nr, ni, kBuf);
			st.kr[j] = kBuf[0];
			st.ki[j] = kBuf[1];
			lr = nr;
			li = ni;
		}
	}
	if (hist) {
		if (hist.shift !== shift) hist.count = 0;
		hist.shift = shift;
		hist.k2r.set(hist.k1r);
		hist.k2i.set(hist.k1i);
		hist.k1r.set(st.kr);
		hist.k1i.set(st.ki);
		hist.t2 = hist.t1;
		hist.t1 = t;
		hist.count++;
	}
	fillSums(e, st, withU);
}
/** Spectral sums and a, da/dκ at the κ already in `st`. */
function fillSums(e, st, withU = true) {
	const iN = e.iN;
	for (let j = 0; j < st.n; j++) {
		const kr = st.kr[j];
		const ki = st.ki[j];
		if (withU) allSums(e.sp, kr, ki, sumBuf);
		else dfSums(e.sp, kr, ki, sumBuf);
		st.dfr[j] = sumBuf[0];
		st.dfi[j] = sumBuf[1];
		st.dfdr[j] = sumBuf[2];
		st.dfdi[j] = sumBuf[3];
		if (withU) {
			st.ur[j] = sumBuf[4];
			st.ui[j] = sumBuf[5];
			st.udr[j] = sumBuf[6];
			st.udi[j] = sumBuf[7];
		}
		const mr = 1 - sumBuf[0] * iN;
		const mi = -sumBuf[1] * iN;
		st.ar[j] = kr * mr - ki * mi;
		st.ai[j] = kr * mi + ki * mr;
		st.apr[j] = mr - (kr * sumBuf[2] - ki * sumBuf[3]) * iN;
		st.api[j] = mi - (kr * sumBuf[3] + ki * sumBuf[2]) * iN;
	}
}
// src/model/theory/earlyStop.ts
function findEarlyStop(ev, t, Eg, limitEg) {
	const n = t.length;
	let i = 0;
	for (let k = 1; k < n; k++) if (Eg[k] < Eg[i]) i = k;
	let ts = t[i];
	let Es = Eg[i];
	if (i > 0 && i < n - 1) {
		let u0 = Math.log(t[i - 1]);
		let u1 = Math.log(t[i]);
		let u2 = Math.log(t[i + 1]);
		let e0 = Eg[i - 1];
		let e1 = Eg[i];
		let e2 = Eg[i + 1];
		for (let it = 0; it < 4; it++) {
			const num = (u1 - u0) ** 2 * (e1 - e2) - (u1 - u2) ** 2 * (e1 - e0);
			const den = (u1 - u0) * (e1 - e2) - (u1 - u2) * (e1 - e0);
			if (!(Math.abs(den) > 0)) break;
			let u = u1 - .5 * num / den;
			if (!(u > u0 && u < u2)) break;
			if (Math.abs(u - u1) < 1e-4) u = u1 + (u - u1 >= 0 ? 1e-4 : -1e-4);
			const eu = ev.at(Math.exp(u), false).Eg;
			if (eu < e1) {
				if (u > u1) {
					u0 = u1;
					e0 = e1;
				} else {
					u2 = u1;
					e2 = e1;
				}
				u1 = u;
				e1 = eu;
			} else if (u > u1) {
				u2 = u;
				e2 = eu;
			} else {
				u0 = u;
				e0 = eu;
			}
			if (u2 - u0 < .002) break;
		}
		ts = Math.exp(u1);
		Es = e1;
	}
	const interior = i > 0 && i < n - 1 && Es < limitEg * (1 - 1e-6);
	return {
		t: ts,
		Eg: Es,
		interior,
		gain: limitEg / Es
	};
}
// src/model/theory/fit.ts
/** Fit over the points with xmin ≤ x ≤ xmax and finite positive x, y; null if fewer than 3. */
function fitPowerLaw(x, y, xmin = 0, xmax = Infinity) {
	let n = 0;
	let sx = 0;
	let sy = 0;
	let sxx = 0;
	let sxy = 0;
	let syy = 0;
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < x.length; i++) {
		const xi = x[i];
		const yi = y[i];
		if (!(xi >= xmin && xi <= xmax && xi > 0 && yi > 0 && Number.isFinite(xi) && Number.isFinite(yi))) continue;
		const u = Math.log10(xi);
		const v = Math.log10(yi);
		n++;
		sx += u;
		sy += v;
		sxx += u * u;
		sxy += u * v;
		syy += v * v;
		lo = Math.min(lo, xi);
		hi = Math.max(hi, xi);
	}
	if (n < 3) return null;
	const vx = sxx - sx * sx / n;
	if (!(vx > 0)) return null;
	const cxy = sxy - sx * sy / n;
	const vy = syy - sy * sy / n;
	const slope = cxy / vx;
	return {
		slope,
		intercept: (sy - slope * sx) / n,
		r2: vy > 0 ? cxy * cxy / (vx * vy) : 1,
		xmin: lo,
		xmax: hi,
		n
	};
}
// src/model/theory/twoPoint.ts
var RE = 0;
var IM = 0;
function cdiv(ar, ai, br, bi) {
	if (Math.abs(br) >= Math.abs(bi)) {
		const q = bi / br;
		const d = br + bi * q;
		RE = (ar + ai * q) / d;
		IM = (ai - ar * q) / d;
	} else {
		const q = br / bi;
		const d = br * q + bi;
		RE = (ar * q + ai) / d;
		IM = (ai * q - ar) / d;
	}
}
function allocPairNodes(n) {
	const f = () => new Float64Array(n);
	return {
		ar: f(),
		ai: f(),
		Ar: f(),
		Ai: f(),
		Br: f(),
		Bi: f(),
		gdr: f(),
		gdi: f(),
		bdr: f(),
		bdi: f()
	};
}
function preparePairNodes(e, st, pn) {
	const iP = e.iP;
	const Sw = e.sp.Sw;
	for (let j = 0; j < st.n; j++) {
		const ar = st.ar[j];
		const ai = st.ai[j];
		pn.ar[j] = ar;
		pn.ai[j] = ai;
		pn.Ar[j] = ar * st.dfr[j] - ai * st.dfi[j];
		pn.Ai[j] = ar * st.dfi[j] + ai * st.dfr[j];
		pn.Br[j] = ar * st.ur[j] - ai * st.ui[j];
		pn.Bi[j] = ar * st.ui[j] + ai * st.ur[j];
		cdiv(ar, ai, st.apr[j], st.api[j]);
		const qr = RE;
		const qi = IM;
		pn.gdr[j] = iP * (st.dfr[j] + qr * st.dfdr[j] - qi * st.dfdi[j]);
		pn.gdi[j] = iP * (st.dfi[j] + qr * st.dfdi[j] + qi * st.dfdr[j]);
		pn.bdr[j] = Sw - st.ur[j] + qr * st.udr[j] - qi * st.udi[j];
		pn.bdi[j] = -st.ui[j] + qr * st.udi[j] + qi * st.udr[j];
	}
}
/**
* D between node x and node y (y conjugated when `conjY`). Result in RE, IM.
* Falls back to the diagonal form when a_x ≈ a_y (docs/theory.md §5.6).
*/
function pairD(e, st, pn, x, y, conjY) {
	const s = conjY ? -1 : 1;
	const ayr = pn.ar[y];
	const ayi = s * pn.ai[y];
	const dr = pn.ar[x] - ayr;
	const di = pn.ai[x] - ayi;
	let gr;
	let gi;
	let br;
	let bi;
	if (dr * dr + di * di <= 1e-16 * (pn.ar[x] * pn.ar[x] + pn.ai[x] * pn.ai[x])) {
		gr = pn.gdr[x];
		gi = pn.gdi[x];
		br = pn.bdr[x];
		bi = pn.bdi[x];
	} else {
		cdiv(pn.Ar[x] - pn.Ar[y], pn.Ai[x] - s * pn.Ai[y], dr, di);
		gr = e.iP * RE;
		gi = e.iP * IM;
		cdiv(pn.Br[x] - pn.Br[y], pn.Bi[x] - s * pn.Bi[y], dr, di);
		br = e.sp.Sw - st.ur[x] - st.ur[y] + RE;
		bi = -st.ui[x] - s * st.ui[y] + IM;
	}
	const sig2 = e.p.sigma2;
	cdiv(br + sig2 * gr, bi + sig2 * gi, 1 - gr, -gi);
}
function allocPairWork(n) {
	return {
		pn: allocPairNodes(n),
		pr: new Float64Array(n * n),
		pi: new Float64Array(n * n),
		nr: new Float64Array(n * n),
		ni: new Float64Array(n * n),
		wr: new Float64Array(n),
		wi: new Float64Array(n)
	};
}
/**
* The mean-predictor errors at one time from the nodes/weights and the node state at λ = s + γ.
* Uses D(x,y) = D(y,x) and D(x̄,ȳ) = conj D(x,y): 2n² − n pair evaluations become ~n².
*/
function meanErrors(e, nodes, st, work, withTrain) {
	const n = nodes.n;
	const { pn, pr, pi, nr, ni, wr, wi } = work;
	preparePairNodes(e, st, pn);
	for (let j = 0; j < n; j++) {
		cdiv(nodes.cr[j], nodes.ci[j], nodes.sr[j], nodes.si[j]);
		wr[j] = RE;
		wi[j] = IM;
	}
	for (let j = 0; j < n; j++) for (let k = j; k < n; k++) {
		pairD(e, st, pn, j, k, false);
		pr[j * n + k] = RE;
		pi[j * n + k] = IM;
		pr[k * n + j] = RE;
		pi[k * n + j] = IM;
	}
	for (let k = 1; k < n; k++) {
		nr[k] = pr[k];
		ni[k] = -pi[k];
	}
	for (let j = 1; j < n; j++) for (let k = j; k < n; k++) {
		pairD(e, st, pn, j, k, true);
		nr[j * n + k] = RE;
		ni[j * n + k] = IM;
		nr[k * n + j] = RE;
		ni[k * n + j] = -IM;
	}
	const sig2 = e.p.sigma2;
	const iP = e.iP;
	let eg = 0;
	let etr = 0;
	for (let j = 0; j < n; j++) {
		let gR = 0;
		let gI = 0;
		let hR = 0;
		let hI = 0;
		for (let k = 0; k < n; k++) {
			const dr = pr[j * n + k];
			const di = pi[j * n + k];
			const tr = wr[k] * dr - wi[k] * di;
			const ti = wr[k] * di + wi[k] * dr;
			gR += tr;
			gI += ti;
			if (withTrain) {
				const rr = 1 - st.dfr[k] * iP;
				const ri = -st.dfi[k] * iP;
				const xr = wr[k] * rr - wi[k] * ri;
				const xi = wr[k] * ri + wi[k] * rr;
				hR += xr * (dr + sig2) - xi * di;
				hI += xr * di + xi * (dr + sig2);
			}
			if (k === 0) continue;
			const er = nr[j * n + k];
			const ei = ni[j * n + k];
			gR += wr[k] * er + wi[k] * ei;
			gI += wr[k] * ei - wi[k] * er;
			if (withTrain) {
				const rr = 1 - st.dfr[k] * iP;
				const ri = st.dfi[k] * iP;
				const xr = wr[k] * rr + wi[k] * ri;
				const xi = wr[k] * ri - wi[k] * rr;
				hR += xr * (er + sig2) - xi * ei;
				hI += xr * ei + xi * (er + sig2);
			}
		}
		const m = j === 0 ? 1 : 2;
		eg += m * (wr[j] * gR - wi[j] * gI);
		if (withTrain) {
			const rr = 1 - st.dfr[j] * iP;
			const ri = -st.dfi[j] * iP;
			const xr = wr[j] * rr - wi[j] * ri;
			const xi = wr[j] * ri + wi[j] * rr;
			etr += m * (xr * hR - xi * hI);
		}
	}
	return {
		eg,
		etr
	};
}
/**
* Diagonal two-point quantities at a real ridge (the static ridge / posterior-mean error of §4):
* κ from λ = κ(1 − df/N)(1 − df/P), then Γ, BR and D = (BR + σ²Γ)/(1 − Γ).
*/
function staticRidge(e, lam) {
	const kappa = e.solver.solveReal(lam);
	allSumsReal(e.sp, kappa, realSums);
	const [df, dfd, U, Ud] = realSums;
	const sp = e.sp;
	const a = kappa * (1 - df * e.iN);
	const ap = 1 - df * e.iN - kappa * dfd * e.iN;
	const q = a === 0 ? 0 : a / ap;
	const Gamma = e.iP * (df + q * dfd);
	const BR = Math.max(0, sp.Sw - U + q * Ud);
	const oneMinus = 1 - Gamma;
	const divergent = !(oneMinus > 1e-13);
	return {
		kappa,
		df,
		a,
		Gamma,
		BR,
		D: divergent ? Infinity : (BR + e.p.sigma2 * Gamma) / oneMinus,
		divergent
	};
}
var realSums = /* @__PURE__ */ new Float64Array(4);
// src/model/theory/exponents.ts
function predictedExponents(alpha, beta) {
	const b1 = beta - 1;
	const mN = Math.min(b1, alpha);
	return {
		t: -b1 / alpha,
		P: -Math.min(b1, 2 * alpha),
		N: -mN,
		earlyStopP: -b1 / beta,
		compute: -(b1 * mN) / (b1 + alpha * mN),
		computeN: b1 / (b1 + alpha * mN)
	};
}
/**
* Slope of log E_g vs log t where the curve is a clean power law: t ≥ 10 (past the transient of
* the top mode, λ_1 = 1) and E_g still ≥ 10× its floor (the lower of E* and E_g(∞)), so the floor
* biases the slope by at most ~10 %. Null when that window is shorter than a decade.
*/
function fitTimeExponent(t, Eg, floor) {
	let end = -1;
	for (let i = 0; i < t.length; i++) if (t[i] >= 10 && Eg[i] >= 10 * floor) end = i;
	if (end < 0) return null;
	const tmax = t[end];
	if (tmax < 100) return null;
	return fitPowerLaw(t, Eg, 10, tmax);
}
/** E_time(t) = Σ k^{-β} e^{−2λ_k t}: gradient flow at P = N = ∞ (the pure time bottleneck). */
function timeOnlyError(e, t) {
	const sp = e.sp;
	let s = 0;
	for (let i = 0; i < sp.lam.length; i++) s += sp.wc[i] * Math.exp(-2 * sp.lam[i] * t);
	if (sp.tail) s += sp.tail.Sw;
	return s;
}
/** E_model = Σ k^{-β} κ̃/(λ_k + κ̃) with df(κ̃) = N: the P = ∞, t = ∞ projection residual. */
function modelOnlyError(e) {
	if (!Number.isFinite(e.p.N)) return 0;
	const k = new KappaSolver(e.sp, e.p.N, Infinity).kappaStar();
	if (k === 0) return 0;
	let s = 0;
	for (let i = 0; i < e.sp.lam.length; i++) s += e.sp.wc[i] * k / (e.sp.lam[i] + k);
	if (e.sp.tail) s += e.sp.tail.Sw;
	return s;
}
var fmt = (x, d = 2) => Number.isFinite(x) ? x.toFixed(d).replace("-", "−") : "∞";
var fmtG = (x) => Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : "∞";
function exponentReport(e, t, Eg, es, limit) {
	const p = e.p;
	const predicted = predictedExponents(p.alpha, p.beta);
	const fittedT = fitTimeExponent(t, Eg, Math.min(es.Eg, limit.Eg));
	const tRef = es.interior ? es.t : t[t.length - 1];
	const time = timeOnlyError(e, tRef);
	const data = staticRidge(makeEngine({
		...p,
		N: Infinity,
		sigma2: 0
	}), p.gamma).D;
	const model = modelOnlyError(e);
	const noiseFree = staticRidge(makeEngine({
		...p,
		sigma2: 0
	}), p.gamma);
	const contributions = {
		time,
		data,
		model,
		noise: p.sigma2 > 0 ? Math.max(0, limit.Emean - noiseFree.D) : 0
	};
	let bottleneck = "none";
	let best = 1e-14;
	for (const key of [
		"time",
		"data",
		"model",
		"noise"
	]) if (contributions[key] > best) {
		best = contributions[key];
		bottleneck = key;
	}
	const kStar = Math.pow(e.solver.solveReal(1 / tRef + p.gamma), -1 / p.alpha);
	const explanation = explain(bottleneck, p, predicted, tRef, kStar, es);
	return {
		predicted,
		fittedT,
		bottleneck,
		contributions,
		explanation
	};
}
function explain(b, p, pr, tRef, kStar, es) {
	switch (b) {
		case "time": return `Time-limited: by t = ${fmtG(tRef)} only modes up to k* ≈ ${fmtG(kStar)} are learned, so E_g still falls as t^${fmt(pr.t)} (= −(β−1)/α). Train longer; more data or features do not help yet.`;
		case "data": return `Data-limited: P = ${fmtG(p.P)} samples resolve only about P modes, so E_g(∞) ~ P^${fmt(pr.P)} (= −min(β−1, 2α)). More data helps; longer training or a larger model does not.`;
		case "model": return `Model-limited: N = ${fmtG(p.N)} random features can represent only about N modes, so E_g(∞) ~ N^${fmt(pr.N)} (= −min(β−1, α)). A larger model helps; more data does not.`;
		case "noise": return es.interior ? `Noise-limited: training on longer fits the label noise σ² = ${fmtG(p.sigma2)}; stopping at t* ≈ ${fmtG(es.t)} is ${fmt(es.gain, 1)}× better than training to convergence. Early-stopped error scales as (σ²/P)^${fmt(-pr.earlyStopP)}.` : `Noise-limited: the fitted label noise σ² = ${fmtG(p.sigma2)} dominates the error; weight decay or early stopping would help.`;
		default: return "The error is at the level of rounding: every mode is learned.";
	}
}
// src/model/theory/limits.ts
function computeLimit(e) {
	const p = e.p;
	const r = staticRidge(e, p.gamma);
	const rho = 1 - r.df * e.iP;
	const Emean = r.D;
	const EtrMean = r.divergent ? Infinity : rho * rho * (Emean + p.sigma2);
	const postVarPerT = rho > 1e-13 ? r.df / rho : Infinity;
	const Egibbs = p.T > 0 ? Emean + p.T * postVarPerT : Emean;
	let Eg = Emean;
	let Etr = EtrMean;
	let divergent = r.divergent;
	if (p.gamma === 0) Eg += p.sigma02 * r.df * r.a;
	if (p.T > 0) {
		if (p.gamma > 0 || r.a <= 0) Eg += p.T * postVarPerT;
		else {
			Eg = Infinity;
			divergent = true;
		}
		Etr += p.T * r.df;
	}
	return {
		kappa: r.kappa,
		Emean,
		EtrMean,
		postVarPerT,
		Egibbs,
		Eg,
		Etr,
		divergent
	};
}
// src/model/theory/timeEval.ts
var TimeEvaluator = class {
	e;
	nodes;
	st;
	st2;
	work;
	hist;
	hist2;
	/** Node state at λ = s + γ of the last evaluated time (the mode panel reuses it). */
	get state() {
		return this.st;
	}
	get talbot() {
		return this.nodes;
	}
	constructor(e, order = 12) {
		this.e = e;
		this.nodes = allocNodes(order);
		const n = this.nodes.n;
		this.st = allocState(n);
		this.st2 = allocState(n);
		this.work = allocPairWork(n);
		this.hist = allocHistory(n);
		this.hist2 = allocHistory(n);
	}
	/** Solve κ at the nodes of time t (λ = s + γ) without the pair sums. */
	prepare(t) {
		talbotNodes(t, this.nodes);
		solveNodes(this.e, this.nodes, this.e.p.gamma, 1, this.st, true, this.hist, t);
	}
	at(t, withTrain = true) {
		const e = this.e;
		const p = e.p;
		this.prepare(t);
		const mean = meanErrors(e, this.nodes, this.st, this.work, withTrain);
		let egN = 0;
		let etrN = 0;
		if (p.T > 0 || p.sigma02 > 0) {
			const nodes = this.nodes;
			const st2 = this.st2;
			solveNodes(e, nodes, p.gamma, .5, st2, false, this.hist2, t);
			const iP = e.iP;
			for (let j = 0; j < nodes.n; j++) {
				const m = j === 0 ? 1 : 2;
				const dr = st2.dfr[j];
				const di = st2.dfi[j];
				const rr = 1 - dr * iP;
				const ri = -di * iP;
				const rm = rr * rr + ri * ri;
				const qr = (dr * rr + di * ri) / rm;
				const qi = (di * rr - dr * ri) / rm;
				const cr = nodes.cr[j];
				const ci = nodes.ci[j];
				const sm = nodes.sr[j] * nodes.sr[j] + nodes.si[j] * nodes.si[j];
				const wr = (cr * nodes.sr[j] + ci * nodes.si[j]) / sm;
				const wi = (ci * nodes.sr[j] - cr * nodes.si[j]) / sm;
				egN += m * (p.T * (wr * qr - wi * qi) + .5 * p.sigma02 * (cr * qr - ci * qi));
				if (withTrain) etrN += m * (p.T * (wr * dr - wi * di) + .5 * p.sigma02 * (cr * dr - ci * di));
			}
		}
		return {
			Eg: mean.eg + egN,
			Etr: mean.etr + etrN,
			EgMean: mean.eg,
			EgNoise: egN
		};
	}
};
// src/model/theory/curve.ts
init_params();
function computeCurve(params, opts = {}) {
	const start = performance.now();
	const t = opts.t ?? timeGrid(params.tmin, params.tmax, params.nt);
	const e = makeEngine(params, t.length ? t[t.length - 1] : params.tmax);
	const ev = new TimeEvaluator(e);
	const Eg = new Float64Array(t.length);
	const Etr = new Float64Array(t.length);
	for (let i = 0; i < t.length; i++) {
		const v = ev.at(t[i], !opts.light);
		Eg[i] = Math.max(0, v.Eg);
		Etr[i] = opts.light ? NaN : Math.max(0, v.Etr);
	}
	const limit = computeLimit(e);
	const earlyStop = findEarlyStop(ev, t, Eg, limit.Eg);
	const exponents = opts.light ? emptyReport : exponentReport(e, t, Eg, earlyStop, limit);
	assertFinite(Eg, "Eg");
	if (!opts.light) assertFinite(Etr, "Etr");
	return {
		params: e.p,
		t,
		Eg,
		Etr,
		earlyStop,
		limit,
		exponents,
		ms: performance.now() - start
	};
}
var emptyReport = Object.freeze({
	predicted: {
		t: NaN,
		P: NaN,
		N: NaN,
		earlyStopP: NaN,
		compute: NaN,
		computeN: NaN
	},
	fittedT: null,
	bottleneck: "none",
	contributions: {
		time: NaN,
		data: NaN,
		model: NaN,
		noise: NaN
	},
	explanation: ""
});
/** The engine never hands out NaN silently: a non-finite value is an internal error. */
function assertFinite(a, name) {
	for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) throw new Error(`internal: ${name}[${i}] = ${a[i]} is not finite`);
}
// src/model/theory/frontier.ts
init_params();
/** E_g at time t for N features (gradient flow at the configuration's P, σ² and M). */
function errorAt(p, N, t) {
	return new TimeEvaluator(makeEngine({
		...p,
		N: Math.min(N, MAX_SIZE),
		regime: "gf",
		tmax: Math.max(t, p.tmin * 10)
	}, t)).at(t, false).Eg;
}
function computeFrontier(params, opts = {}) {
	const p = params;
	const Cmin = opts.Cmin ?? 1e3;
	const Cmax = opts.Cmax ?? 1e9;
	const n = opts.n ?? 10;
	const perDecade = opts.perDecade ?? 6;
	const C = new Float64Array(n);
	const Lstar = new Float64Array(n);
	const Nstar = new Float64Array(n);
	const tstar = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const c = Math.exp(Math.log(Cmin) + (Math.log(Cmax) - Math.log(Cmin)) * i / Math.max(1, n - 1));
		C[i] = c;
		const hi = Math.min(c, MAX_SIZE);
		const m = Math.max(3, Math.ceil(Math.log10(hi) * perDecade) + 1);
		const us = [];
		const es = [];
		for (let k = 0; k < m; k++) {
			const u = Math.log(hi) * k / (m - 1);
			us.push(u);
			es.push(errorAt(p, Math.exp(u), c / Math.exp(u)));
		}
		let best = 0;
		for (let k = 1; k < m; k++) if (es[k] < es[best]) best = k;
		let a = us[Math.max(0, best - 1)];
		let b = us[Math.min(m - 1, best + 1)];
		const f = (u) => errorAt(p, Math.exp(u), c / Math.exp(u));
		const g = (Math.sqrt(5) - 1) / 2;
		let x1 = b - g * (b - a);
		let x2 = a + g * (b - a);
		let f1 = f(x1);
		let f2 = f(x2);
		for (let it = 0; it < 30 && b - a > 1e-4; it++) if (f1 < f2) {
			b = x2;
			x2 = x1;
			f2 = f1;
			x1 = b - g * (b - a);
			f1 = f(x1);
		} else {
			a = x1;
			x1 = x2;
			f1 = f2;
			x2 = a + g * (b - a);
			f2 = f(x2);
		}
		const u = f1 < f2 ? x1 : x2;
		Lstar[i] = Math.min(f1, f2, es[best]);
		Nstar[i] = Lstar[i] === es[best] ? Math.exp(us[best]) : Math.exp(u);
		tstar[i] = c / Nstar[i];
	}
	const pe = predictedExponents(p.alpha, p.beta);
	return {
		C,
		Lstar,
		Nstar,
		tstar,
		fitL: fitPowerLaw(C, Lstar),
		fitN: fitPowerLaw(C, Nstar),
		predicted: {
			L: pe.compute,
			N: pe.computeN
		}
	};
}
// src/cli/output.ts
init_params();
/** Shortest text that reads back to the same double. */
var num = (x) => Number.isFinite(x) ? String(x) : Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
function toPlain(x) {
	if (typeof x === "number") return Number.isFinite(x) ? x : Number.isNaN(x) ? null : x > 0 ? "inf" : "-inf";
	if (x instanceof Float64Array) return Array.from(x, (v) => toPlain(v));
	if (Array.isArray(x)) return x.map(toPlain);
	if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, toPlain(v)]));
	return x;
}
/** JSON text of a record: indented for one result, one line per result in --batch. */
function jsonText(record, oneLine = false) {
	return JSON.stringify(toPlain(record), null, oneLine ? void 0 : 1) + "\n";
}
function csv(header, columns) {
	const rows = [header];
	for (let i = 0; i < columns[0].length; i++) rows.push(columns.map((c) => num(c[i])).join(","));
	return rows.join("\n") + "\n";
}
function paramsPlain(p) {
	return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === "number" && !Number.isFinite(v) ? formatValue(v) : v]));
}
function curveRecord(c, msPerCurve) {
	const out = {
		params: paramsPlain(c.params),
		t: c.t,
		Eg: c.Eg,
		Etr: c.Etr,
		earlyStop: c.earlyStop,
		limit: c.limit,
		exponents: c.exponents,
		ms: c.ms
	};
	if (msPerCurve !== void 0) out.msPerCurve = msPerCurve;
	return out;
}
var curveCsv = (c) => csv("t,Eg,Etr", [
	c.t,
	c.Eg,
	c.Etr
]);
function posteriorCsv(c) {
	const l = c.limit;
	return [
		"quantity,value",
		`E_posterior_mean,${num(l.Emean)}`,
		`E_gibbs,${num(l.Egibbs)}`,
		`posterior_variance,${num(l.Egibbs - l.Emean)}`,
		`posterior_variance_per_T,${num(l.postVarPerT)}`,
		`Etr_posterior_mean,${num(l.EtrMean)}`,
		`kappa,${num(l.kappa)}`
	].join("\n") + "\n";
}
var simCsv = (s) => csv("t,Eg_mean,Eg_sem", [
	s.t,
	s.EgMean,
	s.EgSem
]);
function simRecord(p, s) {
	return {
		params: paramsPlain(p),
		...s
	};
}
var frontierCsv = (f) => csv("C,Lstar,Nstar,tstar", [
	f.C,
	f.Lstar,
	f.Nstar,
	f.tstar
]);
var frontierRecord = (f) => ({ ...f });
// src/model/simulation/random.ts
/** lowbias32 avalanche mixer: a bijection of 32-bit integers with near-ideal bit mixing. */
function mix32(x) {
	x = (x ^ x >>> 16) >>> 0;
	x = Math.imul(x, 569420461) >>> 0;
	x = (x ^ x >>> 15) >>> 0;
	x = Math.imul(x, 1935289751) >>> 0;
	return (x ^ x >>> 15) >>> 0;
}
var TWO_POW_M53, ZIG_LAYERS, zigX, zigRatio, ZIG_R, Rng;
var init_random = __esmMin((() => {
	TWO_POW_M53 = 2 ** -53;
	ZIG_LAYERS = 128;
	zigX = /* @__PURE__ */ new Float64Array(129);
	zigRatio = new Float64Array(ZIG_LAYERS);
	ZIG_R = (() => {
		const f = (x) => Math.exp(-.5 * x * x);
		const area = (R) => {
			let c = R;
			for (let k = 400; k >= 1; k--) c = R + k / c;
			return R * f(R) + f(R) / c;
		};
		const build = (R) => {
			const V = area(R);
			zigX[0] = V / f(R);
			zigX[1] = R;
			for (let i = 2; i < ZIG_LAYERS; i++) {
				const a = V / zigX[i - 1] + f(zigX[i - 1]);
				if (!(a < 1)) return 1;
				zigX[i] = Math.sqrt(-2 * Math.log(a));
			}
			const top = zigX[127];
			return V - top * (1 - f(top));
		};
		let lo = 3.3;
		let hi = 3.6;
		for (let it = 0; it < 64; it++) {
			const mid = .5 * (lo + hi);
			if (build(mid) > 0) lo = mid;
			else hi = mid;
		}
		build(lo);
		zigX[ZIG_LAYERS] = 0;
		for (let i = 0; i < ZIG_LAYERS; i++) zigRatio[i] = zigX[i + 1] / zigX[i];
		return lo;
	})();
	Rng = class {
		s0;
		s1;
		s2;
		s3;
		/**
		* Generator for the `seedIndex`-th independent stream of a run with seed `baseSeed`. Both are
		* reduced to 32-bit integers (seeds up to 2^31 − 1 are allowed by the parameter table).
		*/
		constructor(baseSeed, seedIndex = 0) {
			let state = mix32(baseSeed >>> 0 ^ 2654435769) ^ mix32((seedIndex >>> 0) + 2135587861 >>> 0);
			const next = () => {
				state = state + 2654435769 >>> 0;
				return mix32(state);
			};
			this.s0 = next();
			this.s1 = next();
			this.s2 = next();
			this.s3 = next();
			if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
		}
		/** Next 32-bit unsigned integer (xoshiro128**). */
		nextUint32() {
			const s1 = this.s1;
			const r = Math.imul(s1, 5);
			const result = Math.imul(r << 7 | r >>> 25, 9) >>> 0;
			const t = s1 << 9;
			this.s2 ^= this.s0;
			this.s3 ^= s1;
			this.s1 ^= this.s2;
			this.s0 ^= this.s3;
			this.s2 ^= t;
			this.s3 = this.s3 << 11 | this.s3 >>> 21;
			return result;
		}
		/** Uniform double in [0, 1) with 53 random bits. */
		uniform() {
			const a = this.nextUint32() >>> 5;
			const b = this.nextUint32() >>> 6;
			return (a * 2 ** 26 + b) * TWO_POW_M53;
		}
		/**
		* Standard normal N(0, 1) by the ziggurat. Two 32-bit words per attempt: 7 bits choose the
		* layer, one bit the sign, 53 bits the position u ∈ [0, 1) along the layer. Inside the layer's
		* rectangle (u < x[i+1]/x[i]) the point u·x[i] is accepted at once; otherwise the base layer
		* samples the tail beyond R (Marsaglia 1964) and the other layers accept the wedge point x
		* with probability (f(x) − f(x[i]))/(f(x[i+1]) − f(x[i])). Exact in law, like the polar method.
		*/
		normal() {
			for (;;) {
				const a = this.nextUint32();
				const b = this.nextUint32();
				const i = a & 127;
				const u = ((a >>> 11) * 4294967296 + b) * TWO_POW_M53;
				const sign = a & 128 ? -1 : 1;
				if (u < zigRatio[i]) return sign * u * zigX[i];
				if (i === 0) return sign * this.normalTail();
				const x = u * zigX[i];
				const x2 = x * x;
				const f0 = Math.exp(-.5 * (zigX[i] * zigX[i] - x2));
				const f1 = Math.exp(-.5 * (zigX[i + 1] * zigX[i + 1] - x2));
				if (f1 + this.uniform() * (f0 - f1) < 1) return sign * x;
			}
		}
		/** |X| conditioned on |X| > R (Marsaglia's exact tail method). */
		normalTail() {
			for (;;) {
				const u1 = 1 - this.uniform();
				const u2 = 1 - this.uniform();
				const x = -Math.log(u1) / ZIG_R;
				if (2 * -Math.log(u2) >= x * x) return ZIG_R + x;
			}
		}
		/** Fill out[offset .. offset+count) with scale·N(0, 1). */
		fillNormal(out, offset, count, scale = 1) {
			for (let i = 0; i < count; i++) out[offset + i] = scale * this.normal();
		}
		/** Gamma(shape, 1) for shape > 0 (Marsaglia & Tsang 2000; shape < 1 by the U^{1/a} boost). */
		gamma(shape) {
			if (!(shape > 0)) throw new Error(`gamma shape must be positive, got ${shape}`);
			if (shape < 1) {
				const u = this.uniform();
				return this.gamma(shape + 1) * Math.pow(u > 0 ? u : TWO_POW_M53, 1 / shape);
			}
			const d = shape - 1 / 3;
			const c = 1 / Math.sqrt(9 * d);
			for (;;) {
				let x;
				let v;
				do {
					x = this.normal();
					v = 1 + c * x;
				} while (v <= 0);
				v = v * v * v;
				const u = this.uniform();
				const x2 = x * x;
				if (u < 1 - .0331 * x2 * x2) return d * v;
				if (u > 0 && Math.log(u) < .5 * x2 + d * (1 - v + Math.log(v))) return d * v;
			}
		}
		/** Chi-square with k ≥ 0 degrees of freedom (χ²_k = 2·Gamma(k/2); χ²_0 = 0). */
		chiSquare(k) {
			return k > 0 ? 2 * this.gamma(k / 2) : 0;
		}
		/** Chi with k degrees of freedom: the length of a k-dimensional standard normal vector. */
		chi(k) {
			return Math.sqrt(this.chiSquare(k));
		}
	};
}));
// src/model/linalg/gram.ts
function scratch(which, size) {
	if (which === "A") {
		if (panelA.length < size) panelA = new Float64Array(size);
		return panelA;
	}
	if (panelB.length < size) panelB = new Float64Array(size);
	return panelB;
}
/** Column range [lo, hi) of each 4-row group (union of its rows' ranges; whole width if none). */
function groupRanges(rows, k, ranges) {
	const groups = rows + 3 >> 2;
	const lo = new Int32Array(groups);
	const hi = new Int32Array(groups).fill(k);
	if (!ranges) return {
		lo,
		hi
	};
	for (let g = 0; g < groups; g++) {
		let a = k;
		let b = 0;
		for (let r = 4 * g; r < Math.min(rows, 4 * g + 4); r++) {
			a = Math.min(a, Math.max(0, ranges.start[r]));
			b = Math.max(b, Math.min(k, ranges.end[r]));
		}
		lo[g] = a;
		hi[g] = b;
	}
	return {
		lo,
		hi
	};
}
/**
* Pack columns [k0, k0 + w) of the rows of X (row stride ld) into `panel`: group g (rows 4g..4g+3)
* at offset 4·g·w, element (r, q) at 4q + r, times colScale[k0 + q] if given. Only the columns
* of the group's range are copied (the kernels never read outside it); rows past the end are 0.
*/
function pack(X, rows, ld, k0, w, glo, ghi, panel, colScale) {
	const groups = rows + 3 >> 2;
	for (let g = 0; g < groups; g++) {
		const qa = Math.max(0, glo[g] - k0);
		const qb = Math.min(w, ghi[g] - k0);
		if (qb <= qa) continue;
		const o = 4 * g * w;
		for (let r = 0; r < 4; r++) {
			const row = 4 * g + r;
			if (row < rows) {
				const src = row * ld + k0;
				if (colScale) for (let q = qa; q < qb; q++) panel[o + 4 * q + r] = X[src + q] * colScale[k0 + q];
				else for (let q = qa; q < qb; q++) panel[o + 4 * q + r] = X[src + q];
			} else for (let q = qa; q < qb; q++) panel[o + 4 * q + r] = 0;
		}
	}
}
/**
* As `pack`, for an operand stored transposed: its row j is column j of X (k × rows, row stride
* ld), so element (j, q) is X[(k0 + q)·ld + j]. Four consecutive entries of a row of X fill one
* step of a group: the transpose costs no more than the copy.
*/
function packTransposed(X, rows, ld, k0, w, glo, ghi, panel) {
	const groups = rows + 3 >> 2;
	for (let g = 0; g < groups; g++) {
		const qa = Math.max(0, glo[g] - k0);
		const qb = Math.min(w, ghi[g] - k0);
		if (qb <= qa) continue;
		const o = 4 * g * w;
		const j0 = 4 * g;
		const full = j0 + 4 <= rows;
		for (let q = qa; q < qb; q++) {
			const src = (k0 + q) * ld + j0;
			const dst = o + 4 * q;
			if (full) {
				panel[dst] = X[src];
				panel[dst + 1] = X[src + 1];
				panel[dst + 2] = X[src + 2];
				panel[dst + 3] = X[src + 3];
			} else for (let c = 0; c < 4; c++) panel[dst + c] = j0 + c < rows ? X[src + c] : 0;
		}
	}
}
/**
* acc[4r + c] = Σ_{q ∈ [lo, hi)} PA[oa + 4q + r] · PB[ob + 4q + c]: the 4×4 register block.
*/
function block4x4(PA, oa, PB, ob, lo, hi) {
	let s00 = 0;
	let s01 = 0;
	let s02 = 0;
	let s03 = 0;
	let s10 = 0;
	let s11 = 0;
	let s12 = 0;
	let s13 = 0;
	let s20 = 0;
	let s21 = 0;
	let s22 = 0;
	let s23 = 0;
	let s30 = 0;
	let s31 = 0;
	let s32 = 0;
	let s33 = 0;
	let pa = oa + 4 * lo;
	let pb = ob + 4 * lo;
	const end = ob + 4 * hi;
	for (; pb < end; pa += 4, pb += 4) {
		const b0 = PB[pb];
		const b1 = PB[pb + 1];
		const b2 = PB[pb + 2];
		const b3 = PB[pb + 3];
		let a = PA[pa];
		s00 += a * b0;
		s01 += a * b1;
		s02 += a * b2;
		s03 += a * b3;
		a = PA[pa + 1];
		s10 += a * b0;
		s11 += a * b1;
		s12 += a * b2;
		s13 += a * b3;
		a = PA[pa + 2];
		s20 += a * b0;
		s21 += a * b1;
		s22 += a * b2;
		s23 += a * b3;
		a = PA[pa + 3];
		s30 += a * b0;
		s31 += a * b1;
		s32 += a * b2;
		s33 += a * b3;
	}
	acc[0] = s00;
	acc[1] = s01;
	acc[2] = s02;
	acc[3] = s03;
	acc[4] = s10;
	acc[5] = s11;
	acc[6] = s12;
	acc[7] = s13;
	acc[8] = s20;
	acc[9] = s21;
	acc[10] = s22;
	acc[11] = s23;
	acc[12] = s30;
	acc[13] = s31;
	acc[14] = s32;
	acc[15] = s33;
}
/**
* C += s · B D Bᵀ (or C = … when `accumulate` is false), C n×n symmetric, both triangles written.
* B is n×k row-major with row stride `ldb` (≥ k); D = diag(colScale²) if `colScale` is given
* (each column of B scaled while it is packed, i.e. the Gram of B·diag(colScale)), else I.
*/
function gram(B, n, k, C, s = 1, options = {}) {
	const ldb = options.ldb ?? k;
	if (!options.accumulate) C.fill(0, 0, n * n);
	const groups = n + 3 >> 2;
	const { lo: glo, hi: ghi } = groupRanges(n, k, options.ranges);
	const kc = Math.min(K_CHUNK, Math.max(1, k));
	const panel = scratch("A", 4 * groups * kc);
	for (let k0 = 0; k0 < k; k0 += kc) {
		const w = Math.min(kc, k - k0);
		pack(B, n, ldb, k0, w, glo, ghi, panel, options.colScale);
		for (let gi = 0; gi < groups; gi++) {
			const ai = Math.max(0, glo[gi] - k0);
			const bi = Math.min(w, ghi[gi] - k0);
			if (bi <= ai) continue;
			const oi = 4 * gi * w;
			const rows = Math.min(4, n - 4 * gi);
			for (let gj = 0; gj <= gi; gj++) {
				const lo = Math.max(ai, glo[gj] - k0);
				const hi = Math.min(bi, ghi[gj] - k0);
				if (hi <= lo) continue;
				block4x4(panel, oi, panel, 4 * gj * w, lo, hi);
				const cols = Math.min(4, n - 4 * gj);
				for (let r = 0; r < rows; r++) {
					const oc = (4 * gi + r) * n + 4 * gj;
					const last = gj === gi ? Math.min(cols, r + 1) : cols;
					for (let c = 0; c < last; c++) C[oc + c] += s * acc[4 * r + c];
				}
			}
		}
	}
	mirrorLower(C, n);
}
/** Copy the strict lower triangle of the n×n row-major matrix C onto its upper triangle. */
function mirrorLower(C, n) {
	for (let i = 0; i < n; i++) {
		const oi = i * n;
		for (let j = 0; j < i; j++) C[j * n + i] = C[oi + j];
	}
}
/**
* C = s · A Bᵀ (rowsA × rowsB, row-major; C += … with `accumulate`): C[i][j] = s·(row i of A)·
* (row j of B) over k columns. `aRanges` / `bRanges`, if given, bound the columns where a row
* may be non-zero (e.g. a triangular operand). Row strides `lda`, `ldb` default to k, `ldc` to
* rowsB. With `bTransposed`, B is stored as its transpose (k×rowsB, row stride ldb, default
* rowsB): then C = s · A B, the product of two row-major matrices, without transposing B first.
*/
function crossGram(A, rowsA, B, rowsB, k, C, bRanges, options = {}) {
	const lda = options.lda ?? k;
	const ldb = options.ldb ?? (options.bTransposed ? rowsB : k);
	const ldc = options.ldc ?? rowsB;
	const s = options.s ?? 1;
	if (!options.accumulate) for (let i = 0; i < rowsA; i++) C.fill(0, i * ldc, i * ldc + rowsB);
	const ga = rowsA + 3 >> 2;
	const gb = rowsB + 3 >> 2;
	const ra = groupRanges(rowsA, k, options.aRanges);
	const rb = groupRanges(rowsB, k, bRanges);
	const kc = Math.min(K_CHUNK, Math.max(1, k));
	const PA = scratch("A", 4 * ga * kc);
	const PB = scratch("B", 4 * gb * kc);
	for (let k0 = 0; k0 < k; k0 += kc) {
		const w = Math.min(kc, k - k0);
		pack(A, rowsA, lda, k0, w, ra.lo, ra.hi, PA);
		if (options.bTransposed) packTransposed(B, rowsB, ldb, k0, w, rb.lo, rb.hi, PB);
		else pack(B, rowsB, ldb, k0, w, rb.lo, rb.hi, PB);
		for (let gi = 0; gi < ga; gi++) {
			const ai = Math.max(0, ra.lo[gi] - k0);
			const bi = Math.min(w, ra.hi[gi] - k0);
			if (bi <= ai) continue;
			const oi = 4 * gi * w;
			const rows = Math.min(4, rowsA - 4 * gi);
			for (let gj = 0; gj < gb; gj++) {
				const lo = Math.max(ai, rb.lo[gj] - k0);
				const hi = Math.min(bi, rb.hi[gj] - k0);
				if (hi <= lo) continue;
				block4x4(PA, oi, PB, 4 * gj * w, lo, hi);
				const cols = Math.min(4, rowsB - 4 * gj);
				for (let r = 0; r < rows; r++) {
					const oc = (4 * gi + r) * ldc + 4 * gj;
					for (let c = 0; c < cols; c++) C[oc + c] += s * acc[4 * r + c];
				}
			}
		}
	}
}
var K_CHUNK, panelA, panelB, acc;
var init_gram = __esmMin((() => {
	K_CHUNK = 256;
	panelA = /* @__PURE__ */ new Float64Array(0);
	panelB = /* @__PURE__ */ new Float64Array(0);
	acc = /* @__PURE__ */ new Float64Array(16);
}));
// src/model/linalg/cholesky.ts
/**
* In-place Cholesky factorisation (left-looking, blocked by panels of PANEL columns): on return
* the lower triangle of A holds L and the strict upper triangle is zeroed. Returns false (A then
* undefined) if a pivot is not positive beyond roundoff: `pivotTol` relative to the largest diagonal.
*
* For each panel J (columns J0..J1−1), first the contribution of all earlier columns,
* A[i][J] −= Σ_{k<J0} L[i][k] L[j][k] for every row i ≥ J0, as one matrix product (crossGram,
* the fast kernel: this is all but n·PANEL²/2 of the n³/6 multiply-adds); then the panel itself
* by the row-oriented Cholesky–Crout recurrence over its own columns. Each entry receives the
* same terms as in the unblocked recurrence (grouped differently: round-off level).
*/
function choleskyInPlace(A, n, pivotTol = 0) {
	let maxDiag = 0;
	for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, A[i * n + i]);
	const tol = pivotTol * maxDiag;
	for (let J0 = 0; J0 < n; J0 += PANEL) {
		const J1 = Math.min(n, J0 + PANEL);
		const w = J1 - J0;
		if (J0 > 0) crossGram(A.subarray(J0 * n), n - J0, A.subarray(J0 * n), w, J0, A.subarray(J0 * n + J0), void 0, {
			lda: n,
			ldb: n,
			ldc: n,
			accumulate: true,
			s: -1
		});
		for (let i = J0; i < n; i++) {
			const oi = i * n;
			const last = Math.min(i, J1 - 1);
			for (let j = J0; j <= last; j++) {
				const oj = j * n;
				let s0 = A[oi + j];
				let s1 = 0;
				let k = J0;
				for (; k + 1 < j; k += 2) {
					s0 -= A[oi + k] * A[oj + k];
					s1 -= A[oi + k + 1] * A[oj + k + 1];
				}
				if (k < j) s0 -= A[oi + k] * A[oj + k];
				if (j < i) A[oi + j] = (s0 + s1) / A[oj + j];
				else {
					const d = s0 + s1;
					if (!(d > tol) || !Number.isFinite(d)) return false;
					A[oi + i] = Math.sqrt(d);
				}
			}
		}
	}
	for (let i = 0; i < n; i++) A.fill(0, i * n + i + 1, (i + 1) * n);
	return true;
}
/** x ← L⁻¹ x (forward substitution), L lower triangular n×n. */
function solveLower(L, n, x) {
	for (let i = 0; i < n; i++) {
		const oi = i * n;
		let s = x[i];
		for (let k = 0; k < i; k++) s -= L[oi + k] * x[k];
		x[i] = s / L[oi + i];
	}
}
var PANEL;
var init_cholesky = __esmMin((() => {
	init_gram();
	PANEL = 32;
}));
// src/model/linalg/tridiagonal.ts
/**
* Reduce the symmetric n×n row-major matrix A (only its lower triangle is read) to tridiagonal
* form. A is overwritten (it becomes `house`).
*
* Fused sweep (same reflectors and the same update as the textbook loop, one pass over the
* block instead of two): step i's rank-2 update A ← A − u qᵀ − q uᵀ first brings row i−1 up to
* date, which defines the next reflector u′ (it only depends on that row); then every row j < i−1
* is updated and, while it is in registers, contributes its terms of p′ = A′u′ (the product the
* next step needs, from the updated lower triangle). Two rows per pass share the loads of u, q,
* u′ and p′. The arithmetic of each element is unchanged; only p′'s terms are summed in a
* different order. Measured at n = 512: ≈ 52 ms against 80–120 ms for the two-pass loop.
*/
function tridiagonalize(A, n) {
	const d = new Float64Array(n);
	const e = new Float64Array(n);
	const h = new Float64Array(n);
	const p = new Float64Array(n);
	const pNext = new Float64Array(n);
	if (n >= 3) {
		prepareReflector(A, n, n - 1, e, h);
		if (h[n - 1] !== 0) symvLower(A, n, n - 1, p);
	}
	for (let i = n - 1; i >= 2; i--) {
		const oi = i * n;
		const hi = h[i];
		const l = i;
		if (hi === 0) {
			if (i - 1 >= 2) {
				prepareReflector(A, n, i - 1, e, h);
				if (h[i - 1] !== 0) symvLower(A, n, i - 1, p);
			}
			continue;
		}
		let up = 0;
		for (let k = 0; k < l; k++) {
			p[k] /= hi;
			up += A[oi + k] * p[k];
		}
		const K = up / (2 * hi);
		for (let k = 0; k < l; k++) p[k] -= K * A[oi + k];
		const om = (l - 1) * n;
		{
			const um = A[oi + l - 1];
			const qm = p[l - 1];
			for (let k = 0; k < l; k++) A[om + k] -= um * p[k] + qm * A[oi + k];
		}
		const next = i - 1 >= 2;
		if (next) prepareReflector(A, n, i - 1, e, h);
		const fuse = next && h[i - 1] !== 0;
		const rows = l - 1;
		if (fuse) {
			pNext.fill(0, 0, rows);
			fusedUpdate(A, n, oi, om, rows, p, pNext);
			p.set(pNext.subarray(0, rows));
		} else for (let j = 0; j < rows; j++) {
			const oj = j * n;
			const uj = A[oi + j];
			const qj = p[j];
			for (let k = 0; k <= j; k++) A[oj + k] -= uj * p[k] + qj * A[oi + k];
		}
	}
	if (n >= 2) e[1] = A[n];
	for (let i = 0; i < n; i++) d[i] = A[i * n + i];
	return {
		n,
		d,
		e,
		house: A,
		h
	};
}
/**
* Householder vector of row i (columns 0..i−1): scaled by Σ|x| against under/overflow, stored in
* place as u = x − g e_{i−1}; sets e[i] (the new sub-diagonal) and h[i] = |u|²/2 (0: H_i = I).
*/
function prepareReflector(A, n, i, e, h) {
	const oi = i * n;
	const l = i;
	let scale = 0;
	for (let k = 0; k < l; k++) scale += Math.abs(A[oi + k]);
	if (scale === 0) {
		e[i] = 0;
		h[i] = 0;
		return;
	}
	let sigma = 0;
	for (let k = 0; k < l; k++) {
		const v = A[oi + k] / scale;
		A[oi + k] = v;
		sigma += v * v;
	}
	const f = A[oi + l - 1];
	const g = f >= 0 ? -Math.sqrt(sigma) : Math.sqrt(sigma);
	e[i] = scale * g;
	h[i] = sigma - f * g;
	A[oi + l - 1] = f - g;
}
/** p = A u over the leading l×l block (lower triangle), u = row l of A (columns 0..l−1). */
function symvLower(A, n, l, p) {
	const ou = l * n;
	p.fill(0, 0, l);
	for (let j = 0; j < l; j++) {
		const oj = j * n;
		const uj = A[ou + j];
		let s = A[oj + j] * uj;
		for (let k = 0; k < j; k++) {
			const a = A[oj + k];
			s += a * A[ou + k];
			p[k] += a * uj;
		}
		p[j] += s;
	}
}
/**
* Rows 0..rows−1 (lower triangle): A ← A − u qᵀ − q uᵀ (u = row at `ou`, q = `q`) and, from the
* updated values, pNext = A v (v = row at `ov`, the next reflector), two rows per pass.
*/
function fusedUpdate(A, n, ou, ov, rows, q, pNext) {
	let j = 0;
	for (; j + 1 < rows; j += 2) {
		const o0 = j * n;
		const o1 = o0 + n;
		const u0 = A[ou + j];
		const u1 = A[ou + j + 1];
		const q0 = q[j];
		const q1 = q[j + 1];
		const v0 = A[ov + j];
		const v1 = A[ov + j + 1];
		let s0 = 0;
		let s1 = 0;
		for (let k = 0; k < j; k++) {
			const uk = A[ou + k];
			const qk = q[k];
			const vk = A[ov + k];
			const a0 = A[o0 + k] - (u0 * qk + q0 * uk);
			const a1 = A[o1 + k] - (u1 * qk + q1 * uk);
			A[o0 + k] = a0;
			A[o1 + k] = a1;
			s0 += a0 * vk;
			s1 += a1 * vk;
			pNext[k] += a0 * v0 + a1 * v1;
		}
		const ujj = A[ou + j];
		const qjj = q[j];
		const djj = A[o0 + j] - (u0 * qjj + q0 * ujj);
		const ojj = A[o1 + j] - (u1 * qjj + q1 * ujj);
		const d11 = A[o1 + j + 1] - (u1 * q1 + q1 * u1);
		A[o0 + j] = djj;
		A[o1 + j] = ojj;
		A[o1 + j + 1] = d11;
		s0 += djj * v0;
		pNext[j] += s0;
		s1 += ojj * v0 + d11 * v1;
		pNext[j] += ojj * v1;
		pNext[j + 1] += s1;
	}
	for (; j < rows; j++) {
		const oj = j * n;
		const uj = A[ou + j];
		const qj = q[j];
		const vj = A[ov + j];
		let s = 0;
		for (let k = 0; k <= j; k++) {
			const a = A[oj + k] - (uj * q[k] + qj * A[ou + k]);
			A[oj + k] = a;
			if (k < j) {
				s += a * A[ov + k];
				pNext[k] += a * vj;
			} else s += a * vj;
		}
		pNext[j] += s;
	}
}
/** x ← Qᵀ x = H_2 (H_3 ⋯ (H_{n−1} x)). */
function applyQT(tri, x) {
	const { n, house, h } = tri;
	for (let i = n - 1; i >= 2; i--) applyReflector(house, i * n, i, h[i], x);
}
/** x ← Q x = H_{n−1} (⋯ (H_2 x)). */
function applyQ(tri, x) {
	const { n, house, h } = tri;
	for (let i = 2; i < n; i++) applyReflector(house, i * n, i, h[i], x);
}
/**
* Y ← Q Y for a row-major n×cols matrix Y (every column is mapped by Q): transposed once so that
* the columns become contiguous rows, then `applyQToRows`.
*/
function applyQRows(tri, Y, cols) {
	const { n } = tri;
	const YT = new Float64Array(cols * n);
	for (let k = 0; k < n; k++) {
		const ok = k * cols;
		for (let c = 0; c < cols; c++) YT[c * n + k] = Y[ok + c];
	}
	applyQToRows(tri, YT, cols);
	for (let k = 0; k < n; k++) {
		const ok = k * cols;
		for (let c = 0; c < cols; c++) Y[ok + c] = YT[c * n + k];
	}
}
/**
* Each row y of the row-major rows×n matrix Y becomes Q y = H_{n−1}(⋯(H_2 y)).
*
* Blocked with the compact WY representation (Schreiber & Van Loan 1989): for consecutive
* reflectors i0 … i1−1, the product B = H_{i1−1} ⋯ H_{i0} equals I − U T Uᵀ with U = [u_{i0} …
* u_{i1−1}] and T lower triangular, built by the exact recurrence
*   B_m = H_m B_{m−1}  ⇒  T_m = [[T_{m−1}, 0], [−τ_m (u_mᵀ U_{m−1}) T_{m−1}, τ_m]],  τ = 1/h.
* Then all rows at once: Y ← Y Bᵀ = Y − ((Y U) Tᵀ) Uᵀ, two matrix products with the packed 4×4
* kernel of gram.ts (rows·n² multiply-adds in all, as for one reflector at a time, plus the
* block Grams UᵀU and the products with T, ≈ b/rows and b/n more; but at matrix-product speed
* instead of two passes over Y per reflector). Measured at n = 512: 90–105 ms against 115–128 ms
* for all 512 rows, 13–16 ms against 23–33 ms for 60 rows (b = 32 beat b = 64 in both).
*/
function applyQToRows(tri, Y, rows) {
	const { n, house, h } = tri;
	if (n < 3 || rows === 0) return;
	const b = WY_BLOCK;
	const G = /* @__PURE__ */ new Float64Array(1024);
	const T = /* @__PURE__ */ new Float64Array(1024);
	const S = new Float64Array(rows * b);
	const S2 = new Float64Array(rows * b);
	const tmp = new Float64Array(b);
	const uStart = new Int32Array(b);
	const uEnd = new Int32Array(b);
	const wStart = new Int32Array(n);
	const wEnd = new Int32Array(n);
	const W = new Float64Array(n * b);
	const Ublock = new Float64Array(b * n);
	for (let i0 = 2; i0 < n; i0 += b) {
		const m = Math.min(b, n - i0);
		const i1 = i0 + m;
		const ku = i1 - 1;
		for (let c = 0; c < m; c++) {
			uStart[c] = 0;
			uEnd[c] = i0 + c;
			const src = (i0 + c) * n;
			const dst = c * ku;
			for (let k = 0; k < i0 + c; k++) Ublock[dst + k] = house[src + k];
			Ublock.fill(0, dst + i0 + c, dst + ku);
		}
		gram(Ublock, m, ku, G, 1, { ranges: {
			start: uStart,
			end: uEnd
		} });
		T.fill(0);
		for (let r = 0; r < m; r++) {
			const tau = h[i0 + r] === 0 ? 0 : 1 / h[i0 + r];
			for (let c = 0; c < r; c++) {
				let s = 0;
				for (let j = c; j < r; j++) s += G[r * m + j] * T[j * b + c];
				tmp[c] = s;
			}
			for (let c = 0; c < r; c++) T[r * b + c] = -tau * tmp[c];
			T[r * b + r] = tau;
		}
		crossGram(Y, rows, Ublock, m, ku, S, {
			start: uStart,
			end: uEnd
		}, { lda: n });
		for (let y = 0; y < rows; y++) {
			const oy = y * m;
			for (let c = 0; c < m; c++) {
				let s = 0;
				for (let j = 0; j <= c; j++) s += S[oy + j] * T[c * b + j];
				S2[oy + c] = s;
			}
		}
		const kMax = i1 - 1;
		for (let k = 0; k < kMax; k++) {
			const ok = k * m;
			for (let c = 0; c < m; c++) W[ok + c] = Ublock[c * ku + k];
			wStart[k] = Math.max(0, k - i0 + 1);
			wEnd[k] = m;
		}
		crossGram(S2, rows, W, kMax, m, Y, {
			start: wStart,
			end: wEnd
		}, {
			ldc: n,
			accumulate: true,
			s: -1
		});
	}
}
function applyReflector(u, off, l, h, x) {
	if (h === 0) return;
	let s = 0;
	for (let k = 0; k < l; k++) s += u[off + k] * x[k];
	s /= h;
	for (let k = 0; k < l; k++) x[k] -= s * u[off + k];
}
/**
* Qᵀ as an explicit row-major n×n matrix. Built as Y = H_2 H_3 ⋯ H_{n−1} by right multiplication
* in increasing order: Y H_i = Y − (Y u)uᵀ/h only touches the leading i×i block (Y is the identity
* elsewhere), so each step costs 2i² and every access is along a row. Total (2/3) n³.
*/
function explicitQT(tri) {
	const { n, house, h } = tri;
	const Y = new Float64Array(n * n);
	for (let i = 0; i < n; i++) Y[i * n + i] = 1;
	for (let i = 2; i < n; i++) {
		const hi = h[i];
		if (hi === 0) continue;
		const ou = i * n;
		for (let j = 0; j < i; j++) {
			const oj = j * n;
			let s = 0;
			for (let k = 0; k < i; k++) s += Y[oj + k] * house[ou + k];
			s /= hi;
			if (s === 0) continue;
			for (let k = 0; k < i; k++) Y[oj + k] -= s * house[ou + k];
		}
	}
	return Y;
}
var WY_BLOCK;
var init_tridiagonal = __esmMin((() => {
	init_gram();
	WY_BLOCK = 32;
}));
// src/model/linalg/inverseIteration.ts
/**
* Rows of the returned n×n matrix are the unit eigenvectors of the tridiagonal matrix with
* diagonal d and sub-diagonal e (e[i] = T[i][i−1]) for the eigenvalues `values` (any order).
*/
function tridiagonalEigenvectors(d, e, values) {
	const n = d.length;
	const Z = new Float64Array(n * n);
	if (n === 0) return Z;
	let norm = 0;
	for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]) + Math.abs(e[i]) + (i + 1 < n ? Math.abs(e[i + 1]) : 0));
	if (norm === 0) norm = 1;
	const tiny = EPS$2 * norm;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
	const u0 = new Float64Array(n);
	const u1 = new Float64Array(n);
	const u2 = new Float64Array(n);
	const mult = new Float64Array(n);
	const swap = new Uint8Array(n);
	const x = new Float64Array(n);
	let clusterStart = 0;
	let prevSigma = -Infinity;
	let seed = 625341585;
	for (let r = 0; r < n; r++) {
		const idx = order[r];
		const lambda = values[idx];
		while (clusterStart < r && lambda - values[order[clusterStart]] > CLUSTER * norm) clusterStart++;
		let sigma = lambda;
		if (r > clusterStart && sigma <= prevSigma + 10 * tiny) sigma = prevSigma + 10 * tiny;
		prevSigma = sigma;
		factor(d, e, sigma, tiny, u0, u1, u2, mult, swap);
		for (let i = 0; i < n; i++) {
			seed ^= seed << 13;
			seed ^= seed >>> 17;
			seed ^= seed << 5;
			x[i] = ((seed >>> 0) / 4294967296 - .5) * norm;
		}
		for (let it = 0; it < ITERATIONS; it++) {
			solve(n, u0, u1, u2, mult, swap, x);
			for (let s = clusterStart; s < r; s++) {
				const os = order[s] * n;
				let dot = 0;
				for (let i = 0; i < n; i++) dot += Z[os + i] * x[i];
				for (let i = 0; i < n; i++) x[i] -= dot * Z[os + i];
			}
			let nrm = 0;
			for (let i = 0; i < n; i++) nrm = Math.max(nrm, Math.abs(x[i]));
			if (!(nrm > 0) || !Number.isFinite(nrm)) {
				x.fill(0);
				x[r % n] = 1;
				continue;
			}
			for (let i = 0; i < n; i++) x[i] /= nrm;
		}
		let s2 = 0;
		for (let i = 0; i < n; i++) s2 += x[i] * x[i];
		const inv = 1 / Math.sqrt(s2);
		const oz = idx * n;
		for (let i = 0; i < n; i++) Z[oz + i] = x[i] * inv;
	}
	return Z;
}
/** LU factorisation with partial pivoting of the tridiagonal T − σI (zero pivots → tiny). */
function factor(d, e, sigma, tiny, u0, u1, u2, mult, swap) {
	const n = d.length;
	let a = d[0] - sigma;
	let b = n > 1 ? e[1] : 0;
	for (let k = 0; k + 1 < n; k++) {
		const sub = e[k + 1];
		const diagNext = d[k + 1] - sigma;
		const superNext = k + 2 < n ? e[k + 2] : 0;
		if (Math.abs(a) >= Math.abs(sub)) {
			if (a === 0) a = tiny;
			const m = sub / a;
			u0[k] = a;
			u1[k] = b;
			u2[k] = 0;
			mult[k] = m;
			swap[k] = 0;
			a = diagNext - m * b;
			b = superNext;
		} else {
			const m = a / sub;
			u0[k] = sub;
			u1[k] = diagNext;
			u2[k] = superNext;
			mult[k] = m;
			swap[k] = 1;
			a = b - m * diagNext;
			b = -m * superNext;
		}
	}
	u0[n - 1] = a === 0 ? tiny : a;
	u1[n - 1] = 0;
	u2[n - 1] = 0;
}
/** x ← (T − σI)⁻¹ x with the factors from `factor`. */
function solve(n, u0, u1, u2, mult, swap, x) {
	for (let k = 0; k + 1 < n; k++) {
		if (swap[k]) {
			const t = x[k];
			x[k] = x[k + 1];
			x[k + 1] = t;
		}
		x[k + 1] -= mult[k] * x[k];
	}
	for (let k = n - 1; k >= 0; k--) {
		let s = x[k];
		if (k + 1 < n) s -= u1[k] * x[k + 1];
		if (k + 2 < n) s -= u2[k] * x[k + 2];
		x[k] = s / u0[k];
	}
}
var EPS$2, CLUSTER, ITERATIONS;
var init_inverseIteration = __esmMin((() => {
	EPS$2 = 2 ** -52;
	CLUSTER = 1e-8;
	ITERATIONS = 3;
}));
// src/model/linalg/tridiagonalQL.ts
/**
* Eigenvalues of the symmetric tridiagonal matrix with diagonal d and sub-diagonal e
* (e[i] = T[i][i−1], e[0] ignored). d is overwritten with the eigenvalues (unsorted, in the
* order that matches the rotation log); e is destroyed. Rotations are appended to `log` if given.
*/
function tridiagonalQL(d, e, log) {
	const n = d.length;
	const f = new Float64Array(n);
	for (let i = 0; i + 1 < n; i++) f[i] = e[i + 1];
	let norm = 0;
	for (let i = 0; i < n; i++) norm = Math.max(norm, Math.abs(d[i]) + Math.abs(f[i]));
	const tol = EPS$1 * norm;
	for (let l = 0; l < n; l++) {
		let iter = 0;
		for (;;) {
			let m = l;
			while (m < n - 1 && Math.abs(f[m]) > tol) m++;
			if (m === l) break;
			if (++iter > MAX_ITER) throw new Error("tridiagonalQL: no convergence");
			let g = (d[l + 1] - d[l]) / (2 * f[l]);
			let r = Math.hypot(g, 1);
			g = d[m] - d[l] + f[l] / (g + (g >= 0 ? r : -r));
			let s = 1;
			let c = 1;
			let p = 0;
			let i = m - 1;
			let restarted = false;
			for (; i >= l; i--) {
				const ff = s * f[i];
				const b = c * f[i];
				r = Math.hypot(ff, g);
				f[i + 1] = r;
				if (r === 0) {
					d[i + 1] -= p;
					f[m] = 0;
					restarted = true;
					break;
				}
				s = ff / r;
				c = g / r;
				g = d[i + 1] - p;
				r = (d[i] - g) * s + 2 * c * b;
				p = s * r;
				d[i + 1] = g + p;
				g = c * r - b;
				if (log) log.push(i, c, s);
			}
			if (restarted) continue;
			d[l] -= p;
			f[l] = g;
			f[m] = 0;
		}
	}
}
var EPS$1, MAX_ITER, RotationLog;
var init_tridiagonalQL = __esmMin((() => {
	EPS$1 = 2 ** -52;
	MAX_ITER = 60;
	RotationLog = class {
		idx;
		c;
		s;
		length = 0;
		constructor(capacity = 1024) {
			this.idx = new Int32Array(capacity);
			this.c = new Float64Array(capacity);
			this.s = new Float64Array(capacity);
		}
		push(i, c, s) {
			if (this.length === this.idx.length) {
				const cap = 2 * this.idx.length;
				const idx = new Int32Array(cap);
				idx.set(this.idx);
				const cc = new Float64Array(cap);
				cc.set(this.c);
				const ss = new Float64Array(cap);
				ss.set(this.s);
				this.idx = idx;
				this.c = cc;
				this.s = ss;
			}
			this.idx[this.length] = i;
			this.c[this.length] = c;
			this.s[this.length] = s;
			this.length++;
		}
		/** x ← Zᵀ x (rotations in recorded order). */
		applyZT(x) {
			const { idx, c, s } = this;
			for (let r = 0; r < this.length; r++) {
				const i = idx[r];
				const xi = x[i];
				const xj = x[i + 1];
				x[i + 1] = s[r] * xi + c[r] * xj;
				x[i] = c[r] * xi - s[r] * xj;
			}
		}
		/** x ← Z x (transposed rotations in reverse order). */
		applyZ(x) {
			const { idx, c, s } = this;
			for (let r = this.length - 1; r >= 0; r--) {
				const i = idx[r];
				const xi = x[i];
				const xj = x[i + 1];
				x[i] = c[r] * xi + s[r] * xj;
				x[i + 1] = c[r] * xj - s[r] * xi;
			}
		}
		/** Y ← Z Y for a row-major matrix Y with `cols` columns (transposed rotations, reverse order). */
		applyZRows(Y, cols) {
			const { idx, c, s } = this;
			for (let r = this.length - 1; r >= 0; r--) {
				const oi = idx[r] * cols;
				const oj = oi + cols;
				const cr = c[r];
				const sr = s[r];
				for (let k = 0; k < cols; k++) {
					const yi = Y[oi + k];
					const yj = Y[oj + k];
					Y[oi + k] = cr * yi + sr * yj;
					Y[oj + k] = cr * yj - sr * yi;
				}
			}
		}
		/**
		* Y ← Zᵀ Y for a row-major matrix Y with `cols` columns (row i of the result mixes rows i, i+1).
		* Column-blocked so that a block of the two active rows stays in L1 across a whole sweep.
		*/
		applyZTRows(Y, cols) {
			const { idx, c, s } = this;
			const B = 128;
			for (let c0 = 0; c0 < cols; c0 += B) {
				const c1 = Math.min(cols, c0 + B);
				for (let r = 0; r < this.length; r++) {
					const oi = idx[r] * cols;
					const oj = oi + cols;
					const cr = c[r];
					const sr = s[r];
					for (let k = c0; k < c1; k++) {
						const yi = Y[oi + k];
						const yj = Y[oj + k];
						Y[oj + k] = sr * yi + cr * yj;
						Y[oi + k] = cr * yi - sr * yj;
					}
				}
			}
		}
	};
}));
// src/model/linalg/symmetricEigen.ts
/**
* Eigendecomposition of the symmetric n×n row-major matrix A (lower triangle read).
* A is destroyed (it holds the Householder vectors afterwards).
*/
function symmetricEigen(A, n, options = {}) {
	const tri = tridiagonalize(A, n);
	const values = tri.d.slice();
	if (options.vectors && options.method !== "ql") {
		tridiagonalQL(values, tri.e.slice(), null);
		const V = tridiagonalEigenvectors(tri.d, tri.e, values);
		applyQToRows(tri, V, n);
		return explicitEigen(n, values, V);
	}
	const log = new RotationLog(Math.min(1 << 22, Math.max(1024, n * n)));
	tridiagonalQL(values, tri.e.slice(), log);
	if (options.vectors) {
		const V = explicitQT(tri);
		log.applyZTRows(V, n);
		return explicitEigen(n, values, V);
	}
	return {
		n,
		values,
		vectorsT: null,
		toEigenbasis(x) {
			applyQT(tri, x);
			log.applyZT(x);
		},
		fromEigenbasis(x) {
			log.applyZ(x);
			applyQ(tri, x);
		},
		fromEigenbasisRows(Y, cols) {
			log.applyZRows(Y, cols);
			applyQRows(tri, Y, cols);
		},
		fromEigenbasisToRows(X, cols) {
			log.applyZRows(X, cols);
			const out = transpose(X, n, cols);
			applyQToRows(tri, out, cols);
			return out;
		}
	};
}
/** The cols×rows transpose of a row-major rows×cols matrix. */
function transpose(X, rows, cols) {
	const out = new Float64Array(rows * cols);
	for (let r = 0; r < rows; r++) {
		const or = r * cols;
		for (let c = 0; c < cols; c++) out[c * rows + r] = X[or + c];
	}
	return out;
}
/** The SymmetricEigen interface on top of explicit eigenvectors (rows of V). */
function explicitEigen(n, values, V) {
	return {
		n,
		values,
		vectorsT: V,
		toEigenbasis(x) {
			const y = new Float64Array(n);
			for (let i = 0; i < n; i++) {
				let s = 0;
				const oi = i * n;
				for (let k = 0; k < n; k++) s += V[oi + k] * x[k];
				y[i] = s;
			}
			x.set(y);
		},
		fromEigenbasis(x) {
			const y = new Float64Array(n);
			for (let i = 0; i < n; i++) {
				const xi = x[i];
				const oi = i * n;
				for (let k = 0; k < n; k++) y[k] += xi * V[oi + k];
			}
			x.set(y);
		},
		fromEigenbasisRows(Y, cols) {
			const out = new Float64Array(n * cols);
			for (let i = 0; i < n; i++) {
				const oi = i * n;
				const yi = i * cols;
				for (let k = 0; k < n; k++) {
					const v = V[oi + k];
					const ok = k * cols;
					for (let c = 0; c < cols; c++) out[ok + c] += v * Y[yi + c];
				}
			}
			Y.set(out);
		},
		fromEigenbasisToRows(X, cols) {
			this.fromEigenbasisRows(X, cols);
			return transpose(X, n, cols);
		}
	};
}
/** Eigenvalues ascending with matching eigenvectors (rows of `vectorsT`); for tests and small n. */
function sortedSymmetricEigen(A, n, method = "inverse-iteration") {
	const eig = symmetricEigen(A.slice(), n, {
		vectors: true,
		method
	});
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => eig.values[a] - eig.values[b]);
	const values = new Float64Array(n);
	const vectorsT = new Float64Array(n * n);
	order.forEach((src, dst) => {
		values[dst] = eig.values[src];
		vectorsT.set(eig.vectorsT.subarray(src * n, src * n + n), dst * n);
	});
	return {
		values,
		vectorsT
	};
}
var init_symmetricEigen = __esmMin((() => {
	init_tridiagonal();
	init_inverseIteration();
	init_tridiagonalQL();
}));
// src/model/simulation/geometry.ts
/** λ_k = k^{−α} and b_k = (λ_k w̄_k²)^{1/2} = k^{−β/2}, k = 1..M (docs/theory.md §0). */
function powerLawSpectrum(alpha, beta, M) {
	const lambda = new Float64Array(M);
	const b = new Float64Array(M);
	for (let k = 0; k < M; k++) {
		lambda[k] = Math.pow(k + 1, -alpha);
		b[k] = Math.pow(k + 1, -beta / 2);
	}
	return {
		lambda,
		b
	};
}
function drawGeometry(alpha, beta, N, M, rng) {
	const { lambda, b } = powerLawSpectrum(alpha, beta, M);
	let bNorm2 = 0;
	for (let k = 0; k < M; k++) bNorm2 += b[k] * b[k];
	if (N === Infinity) {
		const diag = new Float64Array(M);
		let trace = 0;
		for (let k = 0; k < M; k++) {
			diag[k] = Math.sqrt(lambda[k]);
			trace += lambda[k];
		}
		return {
			n: M,
			L: {
				kind: "diag",
				diag
			},
			q: b.slice(),
			s2: 0,
			traceSigma: trace
		};
	}
	const invSqrtN = 1 / Math.sqrt(N);
	if (M <= N) {
		const n = M;
		const L = new Float64Array(n * n);
		let trace = 0;
		for (let k = 0; k < n; k++) {
			const sk = Math.sqrt(lambda[k]) * invSqrtN;
			for (let j = k; j < n; j++) {
				const v = sk * (j === k ? rng.chi(N - (n - 1 - k)) : rng.normal());
				L[j * n + k] = v;
				trace += v * v;
			}
		}
		return {
			n,
			L: {
				kind: "lower",
				data: L
			},
			q: b.slice(),
			s2: 0,
			traceSigma: trace
		};
	}
	const n = N;
	const Sigma = new Float64Array(n * n);
	const Gb = new Float64Array(n);
	const chunk = new Float64Array(n * MODE_CHUNK);
	const start = new Int32Array(n);
	const end = new Int32Array(n);
	const scale = new Float64Array(M);
	for (let k = 0; k < M; k++) scale[k] = Math.sqrt(lambda[k]) * invSqrtN;
	for (let k0 = 0; k0 < M; k0 += MODE_CHUNK) {
		const w = Math.min(MODE_CHUNK, M - k0);
		chunk.fill(0);
		for (let j = 0; j < n; j++) {
			const oj = j * w;
			const first = Math.max(0, Math.min(w, j - k0));
			start[j] = first;
			end[j] = w;
			let acc = 0;
			let c = first;
			if (j >= k0 && j < k0 + w) {
				const v = scale[j] * rng.chi(N - j);
				chunk[oj + c] = v;
				acc += v * b[j];
				c++;
			}
			for (; c < w; c++) {
				const v = scale[k0 + c] * rng.normal();
				chunk[oj + c] = v;
				acc += v * b[k0 + c];
			}
			Gb[j] += acc;
		}
		gram(chunk, n, w, Sigma, 1, {
			ranges: {
				start,
				end
			},
			accumulate: k0 > 0
		});
	}
	let trace = 0;
	for (let j = 0; j < n; j++) trace += Sigma[j * n + j];
	const Lc = Sigma.slice();
	if (choleskyInPlace(Lc, n, n * 2 ** -52)) {
		const q = Gb.slice();
		solveLower(Lc, n, q);
		let q2 = 0;
		for (let j = 0; j < n; j++) q2 += q[j] * q[j];
		return {
			n,
			L: {
				kind: "lower",
				data: Lc
			},
			q,
			s2: Math.max(0, bNorm2 - q2),
			traceSigma: trace
		};
	}
	const { values, vectorsT } = sortedSymmetricEigen(Sigma, n);
	const diag = new Float64Array(n);
	const q = new Float64Array(n);
	const tol = n * 2 ** -52 * Math.max(values[n - 1], 0);
	let q2 = 0;
	for (let i = 0; i < n; i++) {
		if (!(values[i] > tol)) continue;
		diag[i] = Math.sqrt(values[i]);
		let s = 0;
		for (let j = 0; j < n; j++) s += vectorsT[i * n + j] * Gb[j];
		q[i] = s / diag[i];
		q2 += q[i] * q[i];
	}
	return {
		n,
		L: {
			kind: "diag",
			diag
		},
		q,
		s2: Math.max(0, bNorm2 - q2),
		traceSigma: trace
	};
}
var MODE_CHUNK;
var init_geometry = __esmMin((() => {
	init_gram();
	init_cholesky();
	init_symmetricEigen();
	MODE_CHUNK = 256;
}));
// src/model/simulation/simulationModes.ts
/**
* The finite number of modes the simulator uses: p.M if finite, else max(2048, 4·max(P, N))
* (N only if finite) capped at 8192. The UI computes the matching theory curve at this M.
*/
function simulationModes(p) {
	validateParams(p, { keys: ["M"] });
	if (Number.isFinite(p.M)) return p.M;
	const sizes = Number.isFinite(p.N) ? Math.max(p.P, p.N) : p.P;
	const M = Math.max(2048, 4 * (Number.isFinite(sizes) ? sizes : 0));
	return Math.min(MAX_SIM_MODES, Math.round(M));
}
var MAX_SIM_MODES;
var init_simulationModes = __esmMin((() => {
	init_params();
	MAX_SIM_MODES = 8192;
}));
// src/model/simulation/data.ts
function drawData(geom, P, sigma2, rng) {
	const { n, q, L } = geom;
	const noiseSd = Math.sqrt(geom.s2 + sigma2);
	if (P >= n) {
		const R = new Float64Array(n * n);
		for (let j = 0; j < n; j++) {
			const oj = j * n;
			R[oj + j] = rng.chi(P - j);
			for (let k = j + 1; k < n; k++) R[oj + k] = rng.normal();
		}
		const yTop = new Float64Array(n);
		let yTop2 = 0;
		for (let j = 0; j < n; j++) {
			const oj = j * n;
			let s = 0;
			for (let k = j; k < n; k++) s += R[oj + k] * q[k];
			yTop[j] = s + noiseSd * rng.normal();
			yTop2 += yTop[j] * yTop[j];
		}
		const yBot2 = noiseSd * noiseSd * rng.chiSquare(P - n);
		const FT = factorTimesUpperTranspose(L, R, n);
		const K = new Float64Array(n * n);
		const start = new Int32Array(n);
		const end = new Int32Array(n);
		for (let i = 0; i < n; i++) end[i] = i + 1;
		gram(FT, n, n, K, 1 / P, { ranges: {
			start,
			end
		} });
		const v = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			let s = 0;
			const oi = i * n;
			for (let j = 0; j <= i; j++) s += FT[oi + j] * yTop[j];
			v[i] = s / P;
		}
		return {
			path: "weight",
			P,
			n,
			FT,
			gram: K,
			v,
			yTop2,
			yBot2
		};
	}
	const X = new Float64Array(P * n);
	for (let i = 0; i < P; i++) {
		const oi = i * n;
		X[oi + i] = rng.chi(P - i);
		for (let j = i + 1; j < n; j++) X[oi + j] = rng.normal();
	}
	const y = new Float64Array(P);
	for (let i = 0; i < P; i++) {
		const oi = i * n;
		let s = 0;
		for (let j = i; j < n; j++) s += X[oi + j] * q[j];
		y[i] = s + noiseSd * rng.normal();
	}
	const F = timesLowerTranspose(X, P, n, L);
	const ranges = {
		start: new Int32Array(P),
		end: new Int32Array(P).fill(n)
	};
	for (let i = 0; i < P; i++) ranges.start[i] = i;
	const K = new Float64Array(P * P);
	gram(F, P, n, K, 1 / P, { ranges });
	return {
		path: "sample",
		P,
		n,
		F,
		ranges,
		gram: K,
		y
	};
}
/**
* Fᵀ = L Rᵀ for L (diagonal or lower) and R upper triangular, n×n: lower triangular, with
* Fᵀ[i][j] = Σ_{k=j..i} L[i][k] R[j][k], a dot product of two contiguous row segments
* (2×2 blocks of (i, j) share their loads).
*/
function factorTimesUpperTranspose(L, R, n) {
	const out = new Float64Array(n * n);
	if (L.kind === "diag") {
		for (let i = 0; i < n; i++) {
			const li = L.diag[i];
			const oi = i * n;
			for (let j = 0; j <= i; j++) out[oi + j] = li * R[j * n + i];
		}
		return out;
	}
	const Ld = L.data;
	for (let i = 0; i < n; i += 2) {
		const i1 = Math.min(i + 1, n - 1);
		const oi = i * n;
		const oi1 = i1 * n;
		for (let j = 0; j <= i; j += 2) {
			const j1 = Math.min(j + 1, n - 1);
			const oj = j * n;
			const oj1 = j1 * n;
			let s00 = 0;
			let s01 = 0;
			let s10 = 0;
			let s11 = 0;
			for (let k = j; k <= i1; k++) {
				const a0 = Ld[oi + k];
				const a1 = Ld[oi1 + k];
				const b0 = R[oj + k];
				const b1 = R[oj1 + k];
				s00 += a0 * b0;
				s01 += a0 * b1;
				s10 += a1 * b0;
				s11 += a1 * b1;
			}
			out[oi + j] = s00;
			if (j1 <= i && j1 !== j) out[oi + j1] = s01;
			if (i1 !== i) {
				out[oi1 + j] = s10;
				if (j1 !== j) out[oi1 + j1] = s11;
			}
		}
	}
	return out;
}
/** X Lᵀ for X (P×n, row i zero before column i) and L diagonal (X overwritten) or lower triangular. */
function timesLowerTranspose(X, P, n, L) {
	if (L.kind === "diag") {
		for (let i = 0; i < P; i++) {
			const oi = i * n;
			for (let j = i; j < n; j++) X[oi + j] *= L.diag[j];
		}
		return X;
	}
	const out = new Float64Array(P * n);
	const start = new Int32Array(n);
	const end = new Int32Array(n);
	for (let j = 0; j < n; j++) end[j] = j + 1;
	const xStart = new Int32Array(P);
	for (let i = 0; i < P; i++) xStart[i] = i;
	crossGram(X, P, L.data, n, n, out, {
		start,
		end
	}, { aRanges: {
		start: xStart,
		end: new Int32Array(P).fill(n)
	} });
	return out;
}
var init_data = __esmMin((() => {
	init_gram();
}));
// src/model/simulation/modes.ts
/** Diagonalise; `needCovariance` when T > 0 or σ0² > 0 (needs d_i, i.e. explicit eigenvectors). */
function analyseModes(geom, data, needCovariance) {
	const m = data.path === "weight" ? data.n : data.P;
	const eig = symmetricEigen(data.gram, m, { vectors: needCovariance });
	const mu = new Float64Array(m);
	let muMax = 0;
	for (let i = 0; i < m; i++) muMax = Math.max(muMax, eig.values[i]);
	const tol = 4 * m * EPS * muMax;
	for (let i = 0; i < m; i++) mu[i] = eig.values[i] > tol ? eig.values[i] : 0;
	const coef = new Float64Array(m);
	const y2 = new Float64Array(m);
	let yFixed2 = 0;
	let d = null;
	let nullTrace = 0;
	let CT = null;
	let VT = null;
	if (data.path === "weight") {
		const n = m;
		coef.set(data.v);
		eig.toEigenbasis(coef);
		let fitted2 = 0;
		let anyNull = false;
		for (let i = 0; i < n; i++) if (mu[i] > 0) {
			y2[i] = data.P * coef[i] * coef[i] / mu[i];
			fitted2 += y2[i];
		} else {
			coef[i] = 0;
			anyNull = true;
		}
		yFixed2 = data.yBot2 + (anyNull ? Math.max(0, data.yTop2 - fitted2) : 0);
		if (needCovariance) {
			CT = rowsTimesFactor(eig.vectorsT, n, geom);
			d = new Float64Array(n);
			for (let i = 0; i < n; i++) {
				let s = 0;
				const oi = i * n;
				for (let k = 0; k < n; k++) s += CT[oi + k] * CT[oi + k];
				d[i] = s;
			}
		}
	} else {
		const P = m;
		y2.set(data.y);
		eig.toEigenbasis(y2);
		for (let i = 0; i < P; i++) {
			coef[i] = mu[i] > 0 ? y2[i] / P : 0;
			y2[i] *= y2[i];
		}
		yFixed2 = 0;
		if (needCovariance) {
			VT = eig.vectorsT;
			d = sampleModeTestVariance(geom, data.F, data.P, data.n, VT, mu);
			let sum = 0;
			for (let i = 0; i < P; i++) sum += d[i];
			nullTrace = Math.max(0, geom.traceSigma - sum);
		}
	}
	return {
		data,
		geom,
		eig,
		m,
		mu,
		coef,
		y2,
		yFixed2,
		d,
		nullTrace,
		CT,
		VT
	};
}
/** Column k of L (lower triangular) is non-zero in rows j ≥ k: as a transposed operand, row k. */
function lowerColumnRanges(n) {
	const start = new Int32Array(n);
	for (let k = 0; k < n; k++) start[k] = k;
	return {
		start,
		end: new Int32Array(n).fill(n)
	};
}
/** Rows of Uᵀ times L: row i becomes (Lᵀu_i)ᵀ = u_iᵀ L. */
function rowsTimesFactor(UT, n, geom) {
	const L = geom.L;
	const out = new Float64Array(n * n);
	if (L.kind === "diag") {
		for (let i = 0; i < n; i++) {
			const oi = i * n;
			for (let k = 0; k < n; k++) out[oi + k] = UT[oi + k] * L.diag[k];
		}
		return out;
	}
	crossGram(UT, n, L.data, n, n, out, lowerColumnRanges(n), { bTransposed: true });
	return out;
}
/**
* d_i = |Lᵀ Fᵀ v_i|² / (P μ_i) on the sample path: with H = F L (P×n), d_i = v_iᵀ (H Hᵀ) v_i /(Pμ_i).
* Null modes get 0 (their weight directions belong to the null space of K̂).
*/
function sampleModeTestVariance(geom, F, P, n, VT, mu) {
	const L = geom.L;
	const fRanges = {
		start: new Int32Array(P),
		end: new Int32Array(P).fill(n)
	};
	for (let i = 0; i < P; i++) fRanges.start[i] = i;
	const K2 = new Float64Array(P * P);
	if (L.kind === "diag") gram(F, P, n, K2, 1, {
		ranges: fRanges,
		colScale: L.diag
	});
	else {
		const H = new Float64Array(P * n);
		crossGram(F, P, L.data, n, n, H, lowerColumnRanges(n), {
			aRanges: fRanges,
			bTransposed: true
		});
		gram(H, P, n, K2, 1);
	}
	const lower = {
		start: new Int32Array(P),
		end: new Int32Array(P)
	};
	for (let r = 0; r < P; r++) {
		const or = r * P;
		K2[or + r] *= .5;
		K2.fill(0, or + r + 1, or + P);
		lower.end[r] = r + 1;
	}
	const W = new Float64Array(P * P);
	crossGram(VT, P, K2, P, P, W, lower);
	const d = new Float64Array(P);
	for (let i = 0; i < P; i++) {
		if (!(mu[i] > 0)) continue;
		const oi = i * P;
		let s = 0;
		for (let r = 0; r < P; r++) s += W[oi + r] * VT[oi + r];
		d[i] = 2 * s / (P * mu[i]);
	}
	return d;
}
var EPS;
var init_modes = __esmMin((() => {
	init_symmetricEigen();
	init_gram();
	EPS = 2 ** -52;
}));
// src/model/simulation/evaluate.ts
function gFactor(kappa, t) {
	if (kappa > 0) return t === Infinity ? 1 / kappa : -Math.expm1(-kappa * t) / kappa;
	return t;
}
function hFactor(mu, gamma, t) {
	const kappa = mu + gamma;
	if (!(kappa > 0)) return 1;
	return (gamma + mu * (t === Infinity ? 0 : Math.exp(-kappa * t))) / kappa;
}
function cFactor(kappa, t, dyn) {
	if (kappa > 0) {
		if (t === Infinity) return dyn.T / kappa;
		const x = 2 * kappa * t;
		return dyn.T * -Math.expm1(-x) / kappa + dyn.sigma02 * Math.exp(-x);
	}
	if (dyn.T === 0) return dyn.sigma02;
	return t === Infinity ? Infinity : 2 * dyn.T * t + dyn.sigma02;
}
/** c·d with the convention 0·∞ = 0 (a direction with no test variance contributes nothing). */
function weighted(c, d) {
	return d === 0 ? 0 : c * d;
}
/**
* E_g and E_tr at every time of `t` for one drawn problem. All times are processed together: the
* mean-weight coefficients form an nt×m matrix (one row per time) that is mapped to the rows
* Lᵀ E w(t) − q by matrix products (gram.ts kernels), so the O(n²) per time runs at matrix speed.
*/
function evaluateErrors(md, t, dyn) {
	const { m, mu, coef, y2, d } = md;
	const nt = t.length;
	const Eg = new Float64Array(nt);
	const Etr = new Float64Array(nt);
	const Xt = new Float64Array(nt * m);
	for (let it = 0; it < nt; it++) {
		const tt = t[it];
		const ox = it * m;
		let train = md.yFixed2;
		let covG = 0;
		let covTr = 0;
		for (let i = 0; i < m; i++) {
			const kappa = mu[i] + dyn.gamma;
			Xt[ox + i] = coef[i] === 0 ? 0 : coef[i] * gFactor(kappa, tt);
			const h = hFactor(mu[i], dyn.gamma, tt);
			train += y2[i] * h * h;
			if (d !== null) {
				const c = cFactor(kappa, tt, dyn);
				covG += weighted(c, d[i]);
				covTr += weighted(c, mu[i]);
			}
		}
		if (d !== null && md.nullTrace > 0) covG += weighted(cFactor(dyn.gamma, tt, dyn), md.nullTrace);
		Eg[it] = covG;
		Etr[it] = train / md.data.P + covTr;
	}
	const Et = meanTestResidual(md, Xt, nt);
	const n = md.geom.n;
	for (let it = 0; it < nt; it++) {
		const oe = it * n;
		let s = 0;
		for (let k = 0; k < n; k++) s += Et[oe + k] * Et[oe + k];
		Eg[it] += md.geom.s2 + s;
	}
	return {
		Eg,
		Etr
	};
}
/**
* Et[it][k] = (Lᵀ E w(t_it) − q)_k (nt×n), where E w has eigenbasis coefficients Xt[it] (see
* modes.ts). Each step is a matrix product with the time index as the row index.
*/
function meanTestResidual(md, Xt, nt) {
	const { geom, data, m } = md;
	const n = geom.n;
	let Et;
	if (md.CT) {
		Et = new Float64Array(nt * n);
		crossGram(Xt, nt, md.CT, n, m, Et, void 0, { bTransposed: true });
	} else {
		let Wt;
		if (data.path === "weight") Wt = md.eig.fromEigenbasisToRows(transpose(Xt, nt, m), nt);
		else {
			let alphaT;
			if (md.VT) {
				alphaT = new Float64Array(nt * m);
				crossGram(Xt, nt, md.VT, m, m, alphaT, void 0, { bTransposed: true });
			} else alphaT = md.eig.fromEigenbasisToRows(transpose(Xt, nt, m), nt);
			const P = m;
			const fStart = new Int32Array(n);
			const fEnd = new Int32Array(n);
			for (let k = 0; k < n; k++) fEnd[k] = Math.min(k + 1, P);
			Wt = new Float64Array(nt * n);
			crossGram(alphaT, nt, data.F, n, P, Wt, {
				start: fStart,
				end: fEnd
			}, { bTransposed: true });
		}
		if (geom.L.kind === "diag") {
			const diag = geom.L.diag;
			Et = Wt;
			for (let it = 0; it < nt; it++) {
				const oe = it * n;
				for (let k = 0; k < n; k++) Et[oe + k] *= diag[k];
			}
		} else {
			Et = new Float64Array(nt * n);
			crossGram(Wt, nt, geom.L.data, n, n, Et, lowerColumnRanges(n), { bTransposed: true });
		}
	}
	const q = geom.q;
	for (let it = 0; it < nt; it++) {
		const oe = it * n;
		for (let k = 0; k < n; k++) Et[oe + k] -= q[k];
	}
	return Et;
}
var init_evaluate = __esmMin((() => {
	init_gram();
	init_symmetricEigen();
	init_modes();
}));
// src/model/simulation/simulate.ts
var simulate_exports = /* @__PURE__ */ __exportAll({
	CancelledError: () => CancelledError,
	MAX_SIM_DIM: () => MAX_SIM_DIM,
	MAX_SIM_MODES: () => MAX_SIM_MODES,
	aggregateSeeds: () => aggregateSeeds,
	simulate: () => simulate,
	simulateSeed: () => simulateSeed,
	simulationModes: () => simulationModes
});
function validate(p, t) {
	validateParams(p, { keys: MODEL_KEYS });
	for (let i = 0; i < t.length; i++) if (!(t[i] >= 0)) throw new ParamError("tmin", `simulation times must be ≥ 0 (or inf), got ${t[i]}`);
	const M = simulationModes(p);
	const dim = Math.min(p.P, p.N, M);
	if (dim > 4096) throw new ParamError("P", `simulation too large: min(P, N, M) = ${dim} exceeds ${MAX_SIM_DIM}; reduce P, N or M`);
}
/**
* One independent draw (the seedIndex-th stream of baseSeed): E_g(t) (no noise floor) and E_tr(t)
* (with floor) at every t, averaged exactly over Langevin noise and random init. t may contain
* Infinity (the static limit: ridge / posterior). In the 'bayes' regime every entry is the t → ∞
* posterior: Gibbs error = posterior-mean error + T·Tr[Σ(K̂+γ)⁻¹] (docs/theory.md §4).
*/
function simulateSeed(p, t, baseSeed, seedIndex) {
	const q = effectiveParams(p);
	validate(q, t);
	const M = simulationModes(q);
	const rng = new Rng(baseSeed, seedIndex);
	const geom = drawGeometry(q.alpha, q.beta, q.N, M, rng);
	const data = drawData(geom, q.P, q.sigma2, rng);
	const dyn = {
		gamma: q.gamma,
		T: q.T,
		sigma02: q.sigma02
	};
	return evaluateErrors(analyseModes(geom, data, dyn.T > 0 || dyn.sigma02 > 0), q.regime === "bayes" ? new Float64Array(t.length).fill(Infinity) : t, dyn);
}
/** Mean and standard error of the mean over seeds (sem = sd/√seeds with the n−1 sd; 0 for one seed). */
function aggregateSeeds(runs, t, ms) {
	const S = runs.length;
	const stats = (pick) => {
		const mean = new Float64Array(t.length);
		const sem = new Float64Array(t.length);
		for (let i = 0; i < t.length; i++) {
			let s = 0;
			for (const r of runs) s += pick(r)[i];
			const mu = S > 0 ? s / S : 0;
			let v = 0;
			if (S > 1 && Number.isFinite(mu)) {
				for (const r of runs) v += (pick(r)[i] - mu) ** 2;
				v /= S - 1;
			}
			mean[i] = mu;
			sem[i] = S > 1 && Number.isFinite(mu) ? Math.sqrt(v / S) : 0;
		}
		return {
			mean,
			sem
		};
	};
	const g = stats((r) => r.Eg);
	const tr = stats((r) => r.Etr);
	return {
		t: t.slice(),
		EgMean: g.mean,
		EgSem: g.sem,
		EtrMean: tr.mean,
		EtrSem: tr.sem,
		seeds: S,
		ms
	};
}
/** Runs seeds sequentially; calls onProgress after each; throws CancelledError between seeds. */
function simulate(p, opts) {
	const t0 = performance.now();
	validateParams({
		...p,
		seeds: opts.seeds
	}, { keys: ["seeds"] });
	const runs = [];
	for (let i = 0; i < opts.seeds; i++) {
		if (opts.shouldCancel?.()) throw new CancelledError();
		runs.push(simulateSeed(p, opts.t, opts.seed, i));
		opts.onProgress?.(i + 1, opts.seeds);
	}
	return aggregateSeeds(runs, opts.t, performance.now() - t0);
}
var MAX_SIM_DIM, CancelledError;
var init_simulate = __esmMin((() => {
	init_params();
	init_random();
	init_geometry();
	init_simulationModes();
	init_data();
	init_modes();
	init_evaluate();
	MAX_SIM_DIM = 4096;
	CancelledError = class extends Error {
		constructor() {
			super("simulation cancelled");
			this.name = "CancelledError";
		}
	};
}));
// src/model/simulation/sampleTimes.ts
var sampleTimes_exports = /* @__PURE__ */ __exportAll({
	SIM_POINTS: () => 16,
	simulationTimes: () => simulationTimes
});
/** Log-spaced times over the configuration's window: min(nt, SIM_POINTS) of them, both ends included. */
function simulationTimes(p) {
	return timeGrid(p.tmin, p.tmax, Math.min(16, p.nt));
}
var init_sampleTimes = __esmMin((() => {
	init_params();
}));
// src/cli/evaluate.ts
function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : .5 * (s[m - 1] + s[m]);
}
/** The theory curve; with repeat > 0 recomputed that many times, the median time reported. */
function curve(p, repeat) {
	let c = computeCurve(p);
	let msPerCurve;
	if (repeat > 0) {
		const ms = [];
		for (let i = 0; i < repeat; i++) {
			const t0 = performance.now();
			c = computeCurve(p);
			ms.push(performance.now() - t0);
		}
		msPerCurve = median(ms);
	}
	return {
		csv: p.regime === "bayes" ? posteriorCsv(c) : curveCsv(c),
		record: curveRecord(c, msPerCurve),
		notes: msPerCurve === void 0 ? [] : [`msPerCurve=${msPerCurve.toFixed(3)}`]
	};
}
/** The exact simulation at the same sample times as the app's simulation panel. */
async function simulation(p) {
	const { simulate, simulationModes } = await Promise.resolve().then(() => (init_simulate(), simulate_exports));
	const { simulationTimes } = await Promise.resolve().then(() => (init_sampleTimes(), sampleTimes_exports));
	const M = simulationModes(p);
	const q = {
		...p,
		M
	};
	const res = simulate(q, {
		t: simulationTimes(q),
		seeds: p.seeds,
		seed: p.seed
	});
	return {
		csv: simCsv(res),
		record: simRecord(q, res),
		notes: Number.isFinite(p.M) ? [] : [`simulating with M = ${M} modes`]
	};
}
async function evaluate(mode, p, repeat = 0) {
	if (mode === "simulate") return simulation(p);
	if (mode === "frontier") {
		const f = computeFrontier(p);
		return {
			csv: frontierCsv(f),
			record: frontierRecord(f),
			notes: []
		};
	}
	return curve(p, repeat);
}
// src/cli/batch.ts
init_params();
/** The values of one line: a JSON object whose keys are parameter keys. */
function lineValues(text) {
	let obj;
	try {
		obj = JSON.parse(text);
	} catch (err) {
		throw new CliError("", `not JSON: ${err.message}`);
	}
	if (obj === null || typeof obj !== "object" || Array.isArray(obj)) throw new CliError("", "a line must be a JSON object of parameters, e.g. {\"alpha\": 1.5}");
	return Object.entries(obj).map(([key, raw]) => {
		if (!isParamKey(key)) throw new CliError(key, `unknown parameter “${key}” (see --help)`);
		return {
			key,
			value: strictValue(key, raw, key),
			name: key
		};
	});
}
/** Run every line of `input`; write one result line each through `out`. */
async function runBatch(input, mode, base, out) {
	let n = 0;
	let failed = 0;
	for await (const raw of input) {
		n++;
		if (raw.trim() === "") continue;
		try {
			const given = [...base, ...lineValues(raw)];
			const { params } = resolveParams(given);
			checkMode(mode, given, params, []);
			const { record } = await evaluate(mode, params);
			out(jsonText({
				line: n,
				...record
			}, true));
		} catch (err) {
			failed++;
			const param = err instanceof CliError && err.flag !== "" ? err.flag : err instanceof ParamError ? err.param : null;
			const message = err instanceof Error ? err.message : String(err);
			out(jsonText({
				line: n,
				error: {
					param,
					message
				}
			}, true));
		}
	}
	return {
		lines: n,
		failed
	};
}
// src/cli/help.ts
init_params();
var WIDTH = 14;
/** "1.5", "inf", "gf": a default as a flag would take it. */
function defaultText(spec) {
	return spec.kind === "enum" ? spec.default : formatValue(spec.default);
}
/** The regimes a parameter acts in, "all regimes" when it acts in every one. */
function regimesText(spec) {
	return spec.regimes.length === REGIMES.length ? "all regimes" : spec.regimes.join(", ");
}
function usage() {
	const lines = [
		"Usage: npm run -s curve -- [flags]",
		"",
		"Prints the mean-field learning curve as CSV t,Eg,Etr: E_g without the noise floor σ², E_tr",
		"with it. Regime: --regime, or inferred from the values given (--T > 0 → langevin, else",
		"--gamma > 0 → wd, else gf; said on stderr). A flag that does not act in the regime named by",
		"--regime is an error, also for the keys of --url.",
		"",
		"Parameters (flag = URL key):"
	];
	for (const s of PARAM_SPECS) {
		lines.push(`  --${s.key.padEnd(12)}${s.label}. ${s.help}`);
		lines.push(`  ${"".padEnd(WIDTH)}default ${defaultText(s)}; ${rangeText(s)}; acts in ${regimesText(s)}`);
	}
	lines.push("", "Other flags:");
	for (const f of EXTRA_FLAGS) lines.push(`  --${`${f.name} ${f.value}`.trim().padEnd(20)} ${f.help}`);
	lines.push("", `Only with --simulate: ${MODE_UNUSED.curve.map((k) => `--${k}`).join(", ")}. Not with --frontier: ${MODE_UNUSED.frontier.map((k) => `--${k}`).join(", ")}.`, "--regime bayes prints the Bayesian posterior errors (posterior mean, Gibbs, variance).", "A bad flag, an out-of-range value or a flag that does not act: one line on stderr naming it,", "exit code 2.");
	return lines.join("\n");
}
// src/cli/main.ts
init_params();
var say = (line) => process.stderr.write(`${line}\n`);
async function run(argv) {
	try {
		const opts = parseArgs(argv);
		if (opts.help) {
			process.stdout.write(usage() + "\n");
			return 0;
		}
		if (opts.batch !== null) {
			for (const w of opts.warnings) say(`warning: ${w}`);
			say("regime: per line, as named or inferred (T > 0 → langevin, else gamma > 0 → wd, else gf)");
			const stream = opts.batch === "-" ? process.stdin : createReadStream(opts.batch);
			const lines = createInterface({
				input: stream,
				crlfDelay: Infinity
			});
			const write = (s) => process.stdout.write(s);
			const t0 = performance.now();
			const { lines: n, failed } = await runBatch(lines, opts.mode, opts.given, write);
			say(`batch: ${n} lines, ${failed} failed, ${((performance.now() - t0) / 1e3).toFixed(2)} s`);
			return failed > 0 ? 1 : 0;
		}
		const { params, inferred } = resolveParams(opts.given);
		checkMode(opts.mode, opts.given, params, opts.warnings);
		for (const w of opts.warnings) say(`warning: ${w}`);
		if (inferred) say(inferred);
		const result = await evaluate(opts.mode, params, opts.repeat);
		for (const n of result.notes) say(`note: ${n}`);
		process.stdout.write(opts.format === "json" ? jsonText(result.record) : result.csv);
		return 0;
	} catch (err) {
		if (err instanceof CliError) {
			say(`error: ${err.message}`);
			return 2;
		}
		if (err instanceof ParamError) {
			say(`error: --${err.param}: ${err.message}`);
			return 2;
		}
		if (err.code === "ENOENT") {
			say(`error: --batch: ${err.message}`);
			return 2;
		}
		say(`error: ${err.message}`);
		return 1;
	}
}
process.exitCode = await run(process.argv.slice(2));
export {};
