namespace OutpostServerless.Functions; public static class Program { public static int Main() => 0; }
