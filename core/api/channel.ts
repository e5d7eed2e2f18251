import type { z } from 'zod';

/**
 * One API channel: a zod schema for its input and, as a type only, its output.
 * The summary feeds `pos channels` and docs/API.md.
 */
export interface Channel<Input extends z.ZodType = z.ZodType, Output = unknown> {
  readonly input: Input;
  readonly summary: string;
  /** Never set: it only carries the output type to clients and handlers. */
  readonly __output?: Output;
}

/**
 * Declares a channel with an explicit output type and an inferred input:
 * `channel<Sale>()({ summary, input: SaleCreateInput })`.
 */
export function channel<Output>() {
  return <Input extends z.ZodType>(definition: { summary: string; input: Input }) =>
    definition as Channel<Input, Output>;
}

type AnyChannel = Channel<z.ZodType, unknown>;

/** An area's channels, keyed `area.verb`. */
export type AreaChannels<Area extends string, Members extends Record<string, AnyChannel>> = {
  readonly [Verb in keyof Members & string as `${Area}.${Verb}`]: Members[Verb];
};

/**
 * Groups an area's verbs and names them `area.verb`, so a channel's name can
 * only be spelled one way and an area is declared in one place.
 */
export function area<Area extends string, Members extends Record<string, AnyChannel>>(
  name: Area,
  members: Members,
): AreaChannels<Area, Members> {
  return Object.fromEntries(
    Object.entries(members).map(([verb, definition]) => [`${name}.${verb}`, definition]),
  ) as AreaChannels<Area, Members>;
}

export type InputOf<C> = C extends Channel<infer Input, unknown> ? z.input<Input> : never;
export type ParsedInputOf<C> = C extends Channel<infer Input, unknown> ? z.output<Input> : never;
export type OutputOf<C> = C extends Channel<z.ZodType, infer Output> ? Output : never;
