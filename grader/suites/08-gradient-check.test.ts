import { defineExerciseSuite } from "./suite.ts";

defineExerciseSuite("08-gradient-check");
