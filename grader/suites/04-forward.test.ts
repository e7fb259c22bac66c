import { defineExerciseSuite } from "./suite.ts";

defineExerciseSuite("04-forward");
