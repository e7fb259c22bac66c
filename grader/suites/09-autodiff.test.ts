import { defineExerciseSuite } from "./suite.ts";

defineExerciseSuite("09-autodiff");
