"""Platform adapters: translate what a platform receives into invocations, call the services, render the views."""
