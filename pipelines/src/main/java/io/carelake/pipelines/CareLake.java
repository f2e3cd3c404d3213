package io.carelake.pipelines; public final class CareLake { public static void main(String[] a) {} }
