import { defineExerciseSuite } from "./suite.ts";

defineExerciseSuite("01-linear-algebra");
