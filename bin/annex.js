#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run directly, without a build step.
import { register } from "tsx/esm/api";

register();
await import("../pipeline/cli.ts");
