import { defineExerciseSuite } from "./suite.ts";

defineExerciseSuite("07-gradient-descent");
