using Parallax.Cli;

return ParallaxCli.Run(args, Console.Out, Console.Error, Console.OpenStandardInput, Console.IsErrorRedirected);
