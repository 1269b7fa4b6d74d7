/** Spec §8 Next steps: the action table (data), the derived actions, and their CSV. */
export * from "./table";
export * from "./derive";
export * from "./csv";
