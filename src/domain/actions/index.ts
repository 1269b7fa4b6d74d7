/** Spec §8 Next steps: the action table (data), the derived actions, their sentences and their CSV. */
export * from "./table";
export * from "./sentence";
export * from "./derive";
export * from "./csv";
