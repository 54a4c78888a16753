export * from "./users";
export * from "./audit";
export * from "./settings";
export * from "./tax-rates";
export * from "./email";
export * from "./customers";
export * from "./products";
